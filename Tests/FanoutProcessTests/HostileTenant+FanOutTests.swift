import FanoutPostgres
import FanoutTestSupport
import Foundation
import Logging
import Testing

/// Issue 29, case 11: fan-outs ran first in, first out across creators, so
/// one creator's huge send held every other creator's small one behind it.
/// Batches now go round-robin across creators; `userIds` is bounded.
@Suite struct HostileTenantFanOutTests {
    static let fans = 200_000

    @Test(arguments: StorageBackend.available)
    func anotherCreatorsTenFanMessageIsDoneInUnderTwoSecondsWhileAHugeSendRuns(backend: StorageBackend) async throws {
        try await Self.withFanOutDemo(backend) { server, attacker, bystander in
            let big = try await server.request("POST", "/v2/access/mass-messages", headers: attacker, json: ["text": "To all 200,000"])
            #expect(big.status == 200 && big.body["total"] as? Int == Self.fans)
            let bigID = try #require(big.body["id"] as? Int)
            var sent = 0
            while sent == 0 {
                try await Task.sleep(for: .milliseconds(20))
                sent = try await server.request("GET", "/v2/access/mass-messages/\(bigID)", headers: attacker).body["sentCount"] as? Int ?? 0
            }

            let start = ContinuousClock.now
            let small = try await server.request("POST", "/v2/access/mass-messages", headers: bystander, json: ["text": "To my few"])
            #expect(small.status == 200)
            let smallID = try #require(small.body["id"] as? Int)
            var done = false
            while !done, ContinuousClock.now - start < .seconds(10) {
                done = try await server.request("GET", "/v2/access/mass-messages/\(smallID)", headers: bystander).body["isDone"] as? Bool == true
                if !done { try await Task.sleep(for: .milliseconds(25)) }
            }
            let elapsed = ContinuousClock.now - start
            let bigNow = try await server.request("GET", "/v2/access/mass-messages/\(bigID)", headers: attacker).body
            #expect(done && elapsed < .seconds(2), "the small send took \(elapsed)")
            #expect(bigNow["isDone"] as? Bool == false, "the huge send was still running (else this proves nothing): \(bigNow["sentCount"] ?? "")")

            let tooMany = try await server.request(
                "POST", "/v2/access/mass-messages", headers: attacker, json: ["text": "x", "userIds": Array(1...10_001)])
            #expect(tooMany.status == 400 && (tooMany.body["details"] as? [String: Any])?["field"] as? String == "userIds")
            #expect(try await server.request("GET", "/health").status == 200 && server.process.isRunning)
        }
    }

    /// The small demo plus a creator with `fans` subscribers ("Fan-out
    /// Studio", the attacker), served on `backend`; the bystander is the
    /// demo's second organization.
    static func withFanOutDemo(
        _ backend: StorageBackend,
        _ body: @escaping @Sendable (ServerProcess, _ attacker: [String: String], _ bystander: [String: String]) async throws -> Void
    ) async throws {
        @Sendable func run(_ database: String, _ arguments: [String]) async throws {
            let demo = try SimulateCommandTests.run(["demo", "--database", database, "--small", "--fans", String(fans)])
            try #require(demo.status == 0, "fanout demo: \(demo.stderr)")
            let credentials = try #require(try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any])
            let organizations = try #require(credentials["organizations"] as? [[String: Any]])
            func headers(_ organization: [String: Any]) throws -> [String: String] {
                let connection = try #require((organization["connections"] as? [[String: Any]])?.first)
                return ["apiKey": try #require(organization["apiKey"] as? String), "x-connection-id": try #require(connection["id"] as? String)]
            }
            let studio = try #require(organizations.last), bystander = organizations[1]
            #expect(studio["name"] as? String == "Fan-out Studio")
            // Batches of 100: the huge send takes 2,000 of them, so it is
            // still running when the small one is done (at the default size a
            // 200,000-fan SQLite send can finish in a fraction of a second).
            let server = try ServerProcess(database: database, arguments: arguments + ["--rate-limit", "off", "--fan-out-batch-size", "100"])
            defer { server.stop() }
            try await server.waitUntilHealthy()
            try await body(server, try headers(studio), try headers(bystander))
        }
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-fair-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try await run(directory.appendingPathComponent("demo.sqlite").path, [])
        case .postgres:
            let server = try PostgresURL(try StorageBackend.testClusterURL())
            try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_fair", logger: Logger(label: "fanout.tests.fair")) { database in
                try await run("postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable", [])
            }
        }
    }
}
