import FanoutCore
import FanoutPostgres
import FanoutSQLite
import FanoutTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// SIGKILL `fanout serve` after an event's cause committed and before its
/// delivery succeeded (the receiver holds the first attempt open): started
/// again, the server delivers the event, with the same `webhook-id`.
@Suite struct WebhookCrashTests {
    static let logger = Logger(label: "fanout.tests.webhook-crash")

    @Test(arguments: StorageBackend.available) func anEventCommittedBeforeAKillIsDeliveredAfterRestart(backend: StorageBackend) async throws {
        let holding = Mutex(true)
        // The first attempt is held open until the test lets go (long after the kill); later ones succeed.
        let receiver = WebhookReceiver { index in
            let start = ContinuousClock.now
            while index == 0, holding.withLock({ $0 }), ContinuousClock.now - start < .seconds(120) {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return .ok
        }
        defer { holding.withLock { $0 = false } }
        try await receiver.listening { url in
            try await Self.withDatabase(backend) { database, storage in
                let headers = try await Self.prepare(storage)
                var server = try ServerProcess(database: database)
                defer { server.stop() }
                try await server.waitUntilHealthy()
                let endpoint = try await server.request(
                    "POST", "/webhooks", headers: ["apiKey": headers["apiKey"]!], json: ["url": url, "events": ["realtime.chat_message.received"]])
                #expect(endpoint.status == 201)
                let endpointID = try #require(endpoint.body["id"] as? Int)
                let fan = try await server.request("POST", "/sandbox/fans/\(Self.firstFan)/messages", headers: headers, json: ["text": "Before the crash"])
                #expect(fan.status == 200)

                try await receiver.wait(for: 1)
                let eventID = try #require(receiver.all[0].webhookID)
                server.kill()
                holding.withLock { $0 = false }  // the held attempt's server is gone: nobody hears this answer

                server = try ServerProcess(database: database)
                try await server.waitUntilHealthy()
                // The killed attempt's lease (a minute) runs out on the clock of the event's creator (this connection's).
                let advanced = try await server.request("POST", "/sandbox/clock/advance", headers: headers, json: ["seconds": 120])
                #expect(advanced.status == 200)
                try await receiver.wait(for: 2)
                #expect(receiver.all[1].webhookID == eventID, "the same event, not a new one")
                let body = try #require(receiver.all[1].envelope?["data"] as? [String: Any])
                #expect((body["eventBody"] as? [String: Any])?["text"] as? String == "Before the crash")

                let start = ContinuousClock.now
                var delivery: [String: Any]?
                repeat {
                    try await Task.sleep(for: .milliseconds(50))
                    let list = try await server.request("GET", "/webhooks/\(endpointID)/deliveries", headers: ["apiKey": headers["apiKey"]!])
                    delivery = (list.body["list"] as? [[String: Any]])?.first
                } while delivery?["state"] as? String != "delivered" && ContinuousClock.now - start < .seconds(30)
                #expect(delivery?["state"] as? String == "delivered" && delivery?["attempts"] as? Int == 1, "the killed attempt left no record")
                try await Task.sleep(for: .milliseconds(300))
                #expect(receiver.count == 2, "delivered once after the restart")
            }
        }
    }

    static let firstFan: Int64 = 10_000_000

    /// A creator with a few fans, an organization key and a connection.
    static func prepare(_ storage: any FanoutStorage) async throws -> [String: String] {
        let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
        try await storage.importAudience(
            DemoAudience(creator: creator, fans: 5, firstFanID: firstFan, since: Date(timeIntervalSince1970: 1_700_000_000))) { _ in }
        let operations = OperatorService(storage: storage)
        let key = try await operations.createOrganization(name: "Webhooks")
        let connection = try await operations.createConnection(
            organizationID: key.organizationID, creatorID: 1, permissions: [.messagesRead, .messagesWrite])
        return ["apiKey": key.apiKey, "x-connection-id": connection.id]
    }

    /// A fresh database of `backend` as `fanout serve --database` takes it, and its storage.
    static func withDatabase(_ backend: StorageBackend, _ body: @Sendable (String, any FanoutStorage) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-webhook-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("db.sqlite").path
            try await body(path, SQLiteStorage(database: try AppDatabase(path: path)))
        case .postgres:
            let server = try PostgresURL(try StorageBackend.testClusterURL())
            try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_webhook_crash", logger: logger) { database in
                let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
                try await body(url, PostgresStorage(database: database))
            }
        }
    }
}
