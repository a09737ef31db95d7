import FanoutCore
import FanoutSQLite
import Foundation
import GRDB
import Testing

/// SIGKILL the server in the middle of a fan-out, start it again: the mass
/// message completes, every recipient served exactly once.
@Suite struct CrashRecoveryTests {
    static let fans = 60_000

    @Test func aKilledServerFinishesTheFanOutExactlyOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("crash.sqlite").path
        let headers = try await Self.prepare(path: path)

        // Small batches: the fan-out must still be running when the kill lands,
        // even on a machine busy with other test processes.
        var server = try ServerProcess(database: path, arguments: ["--fan-out-batch-size", "20"])
        try await server.waitUntilHealthy()
        let created = try await server.request("POST", "/v2/access/mass-messages", headers: headers, json: ["text": "Crash test"])
        #expect(created.status == 200)
        let id = try #require(created.body["id"] as? Int)
        let total = try #require(created.body["total"] as? Int)
        #expect(total == Self.fans)

        // Kill it while the fan-out is under way.
        var sent = 0
        while sent == 0 {
            try await Task.sleep(for: .milliseconds(20))
            sent = try await server.request("GET", "/v2/access/mass-messages/\(id)", headers: headers).body["sentCount"] as? Int ?? 0
        }
        server.kill()
        let deliveredAtKill = try Self.deliveries(path: path, massMessageID: id).count
        #expect(deliveredAtKill > 0)
        #expect(deliveredAtKill < total, "the kill landed before the fan-out finished")

        server = try ServerProcess(database: path, arguments: ["--fan-out-batch-size", "100"])
        defer { server.stop() }
        try await server.waitUntilHealthy()
        let start = ContinuousClock.now
        var newestSent: Int?
        repeat {
            try await Task.sleep(for: .milliseconds(100))
            let sentList = try await server.request("GET", "/v2/access/mass-messages?type=sent&limit=1", headers: headers).body
            newestSent = (sentList["list"] as? [[String: Any]])?.first?["id"] as? Int
        } while newestSent != id && ContinuousClock.now - start < .seconds(120)

        #expect(newestSent == id, "listed as sent once the fan-out finished")
        let item = try await server.request("GET", "/v2/access/mass-messages/\(id)", headers: headers).body
        #expect(item["sentCount"] as? Int == total)
        let deliveries = try Self.deliveries(path: path, massMessageID: id)
        #expect(deliveries.count == total)
        #expect(deliveries.distinctFans == total, "each recipient exactly once")
    }

    /// A creator with `fans` subscribers, an organization key and a connection.
    static func prepare(path: String) async throws -> [String: String] {
        let storage = SQLiteStorage(database: try AppDatabase(path: path))
        try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: fans, since: Date(timeIntervalSince1970: 1_700_000_000)))
        let operations = OperatorService(storage: storage)
        let key = try await operations.createOrganization(name: "Crash")
        let connection = try await operations.createConnection(organizationID: key.organizationID, creatorID: 1, permissions: [.messagesRead, .messagesWrite])
        return ["apiKey": key.apiKey, "x-connection-id": connection.id]
    }

    /// Deliveries of the mass message, both kinds: rows not yet acted on
    /// (`massDelivery`) and those turned into messages.
    static func deliveries(path: String, massMessageID: Int) throws -> (count: Int, distinctFans: Int) {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COUNT(DISTINCT fan_id) AS fans FROM (
                    SELECT c.fan_id FROM message m JOIN chat c ON c.id = m.chat_id WHERE m.mass_message_id = ?1
                    UNION ALL
                    SELECT fan_id FROM mass_delivery WHERE mass_message_id = ?1)
                """, arguments: [massMessageID])!
            return (row["n"], row["fans"])
        }
    }
}
