import FanoutPostgres
import FanoutTestSupport
import Foundation
import Logging
import Testing

/// A real `fanout serve` on the small demo (two organizations, three
/// creators), for the hostile-tenant suites: the attacker is the first
/// organization ("Demo Agency", creator 0), the bystander the second
/// ("Other Studio", creator 2). After each attack a suite calls
/// `expectUnharmed(_:)`: the server answers `/health`, and the bystander's
/// clock and data are as they were.
struct HostileTenantWorld {
    let server: ServerProcess
    let database: String
    /// `apiKey` and `x-connection-id` of a connection with every permission.
    let attacker: [String: String]
    let bystander: [String: String]
    /// The attacker's read-only connection (messages:read, lists:read).
    let attackerReadOnly: [String: String]
    let attackerCreatorID: Int
    let bystanderCreatorID: Int

    static let logger = Logger(label: "fanout.tests.hostile")

    /// The small demo on `backend`, served with `arguments` (the sandbox on
    /// unless they say otherwise), for `body`; stopped and removed after.
    static func with(
        _ backend: StorageBackend, arguments: [String] = ["--sandbox"], _ body: @Sendable (HostileTenantWorld) async throws -> Void
    ) async throws {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try await run(database: directory.appendingPathComponent("demo.sqlite").path, arguments: arguments, body)
        case .postgres:
            let server = try PostgresURL(try StorageBackend.testClusterURL())
            // The scratch database wants a @Sendable body; this one runs once, inside the call.
            nonisolated(unsafe) let body = body
            try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_hostile", logger: logger) { database in
                let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
                let media = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-hostile-media-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: media) }
                try await run(database: url, arguments: ["--media-dir", media.path] + arguments, body)
            }
        }
    }

    private static func run(database: String, arguments: [String], _ body: @Sendable (HostileTenantWorld) async throws -> Void) async throws {
        let demo = try SimulateCommandTests.run(["demo", "--database", database, "--small"])
        try #require(demo.status == 0, "fanout demo: \(demo.stderr)")
        let credentials = try #require(try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any])
        let organizations = try #require(credentials["organizations"] as? [[String: Any]])
        try #require(organizations.count >= 2)
        func connection(_ organization: Int, _ index: Int) throws -> (headers: [String: String], creatorID: Int) {
            let key = try #require(organizations[organization]["apiKey"] as? String)
            let connections = try #require(organizations[organization]["connections"] as? [[String: Any]])
            let connection = connections[index]
            return (["apiKey": key, "x-connection-id": try #require(connection["id"] as? String)], try #require(connection["creatorId"] as? Int))
        }
        let attacker = try connection(0, 0), readOnly = try connection(0, 2), bystander = try connection(1, 0)
        let server = try ServerProcess(database: database, arguments: arguments)
        defer { server.stop() }
        try await server.waitUntilHealthy()
        let world = HostileTenantWorld(
            server: server, database: database, attacker: attacker.headers, bystander: bystander.headers,
            attackerReadOnly: readOnly.headers, attackerCreatorID: attacker.creatorID, bystanderCreatorID: bystander.creatorID)
        try await world.settle()
        try await body(world)
    }

    /// What the bystander sees: its sandbox clock (nil with the sandbox
    /// off), and its mass messages' and chats' ids and counts.
    struct Snapshot: Equatable {
        var clock: Date?
        var massMessages: [String]
        var chats: [String]
        /// Real time just before the clock was asked, and just after it answered.
        var clockAskedAt: Date, clockAnsweredAt: Date
        static func == (a: Snapshot, b: Snapshot) -> Bool { a.massMessages == b.massMessages && a.chats == b.chats }
    }

    /// Waits until the demo's own queued mass messages have fanned out (the
    /// server finishes them when it starts), so that what changes after is
    /// the attack's doing: two equal snapshots half a second apart.
    func settle() async throws {
        var last = try await snapshot()
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(60) {
            try await Task.sleep(for: .milliseconds(500))
            let next = try await snapshot()
            if next == last, try await server.metric("fanout_fan_out_recipients_waiting") == 0 { return }
            last = next
        }
        Issue.record("the demo's fan-out did not settle within 60 s")
    }

    func snapshot() async throws -> Snapshot {
        let clockAskedAt = Date()
        let clock = try await server.request("GET", "/sandbox/clock", headers: bystander)
        let clockAnsweredAt = Date()
        let masses = try await server.request("GET", "/v2/access/mass-messages?limit=20", headers: bystander)
        let chats = try await server.request("GET", "/v2/access/chats?limit=20", headers: bystander)
        #expect(masses.status == 200 && chats.status == 200)
        let massRows = (masses.body["list"] as? [[String: Any]] ?? []).map {
            "\($0["id"] ?? "")/\($0["sentCount"] ?? "")/\($0["viewedCount"] ?? "")/\($0["purchasedCount"] ?? "")/\($0["isCanceled"] ?? "")"
        }
        let chatRows = (chats.body["list"] as? [[String: Any]] ?? []).map { chat in
            let with = (chat["withUser"] as? [String: Any])?["id"] ?? ""
            let last = (chat["lastMessage"] as? [String: Any])?["id"] ?? ""
            return "\(with)/\(last)/\(chat["unreadMessagesCount"] ?? "")"
        }
        let now = (clock.body["now"] as? String).flatMap(Self.parseDate)
        return Snapshot(
            clock: clock.status == 200 ? now : nil, massMessages: massRows, chats: chatRows,
            clockAskedAt: clockAskedAt, clockAnsweredAt: clockAnsweredAt)
    }

    /// The server answers `/health`; the bystander's data is as in `before`,
    /// and its clock moved no more than real time did (plus a second's slack).
    func expectUnharmed(_ before: Snapshot, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let health = try await server.request("GET", "/health")
        #expect(health.status == 200, "the server still answers /health", sourceLocation: sourceLocation)
        #expect(server.process.isRunning, "the server is still running", sourceLocation: sourceLocation)
        let after = try await snapshot()
        #expect(after == before, "the bystander's data is unchanged", sourceLocation: sourceLocation)
        if let was = before.clock, let now = after.clock {
            // At most the real time from asking the first time to the second
            // answer (a loaded machine stretches either request, not the bound).
            let moved = now.timeIntervalSince(was), real = after.clockAnsweredAt.timeIntervalSince(before.clockAskedAt)
            #expect(moved <= real + 1, "the bystander's clock moved \(moved) s in \(real) s of real time", sourceLocation: sourceLocation)
        }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
