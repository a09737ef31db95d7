import FanoutCore
import FanoutPostgres
import FanoutTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// Three `fanout serve` on one PostgreSQL database, as behind a load
/// balancer: they share one fan-out, one of them is SIGKILLed mid-way, and
/// the others finish it, every recipient served exactly once.
@Suite(.needsPostgreSQL)
struct MultiInstanceTests {
    static let fans = 100_000
    static let logger = Logger(label: "fanout.tests.instances")

    @Test func threeInstancesShareAFanOutAndSurviveAKill() async throws {
        let server = try PostgresURL(try StorageBackend.testClusterURL())
        try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_instances", logger: Self.logger) { database in
            let headers = try await Self.prepare(PostgresStorage(database: database))
            let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
            // Small batches, so that the fan-out lasts long enough to be shared and interrupted.
            var instances = try (0..<3).map { _ in
                // Four connections each: the HTTP requests, fan-out, scheduler, webhooks and clock share them.
                try ServerProcess(database: url, arguments: ["--fan-out-batch-size", "500", "--fan-out-batch-time", "5", "--postgres-connections", "4"])
            }
            defer { instances.forEach { $0.stop() } }
            for instance in instances { try await instance.waitUntilHealthy() }

            // A creator's sandbox clock is one for all instances: advanced through one, read through another.
            let before = try await instances[2].request("GET", "/sandbox/clock", headers: headers).body["now"] as? String
            let advanced = try await instances[0].request("POST", "/sandbox/clock/advance", headers: headers, json: ["seconds": 86_400])
            #expect(advanced.status == 200)
            try await Task.sleep(for: .milliseconds(600))
            let seen = try await instances[2].request("GET", "/sandbox/clock", headers: headers).body["now"] as? String
            #expect(before != nil && seen != nil && seen! > before!, "instance 3 took up the day instance 1 added")

            let created = try await instances[0].request("POST", "/v2/access/mass-messages", headers: headers, json: ["text": "To all, once"])
            #expect(created.status == 200)
            let id = try #require(created.body["id"] as? Int)
            #expect(created.body["total"] as? Int == Self.fans)

            var sent = 0
            while sent == 0 {
                try await Task.sleep(for: .milliseconds(20))
                sent = try await instances[1].request("GET", "/v2/access/mass-messages/\(id)", headers: headers).body["sentCount"] as? Int ?? 0
            }
            instances[1].kill()
            let atKill = try await Self.deliveries(database, massMessageID: id)
            #expect(atKill.count > 0 && atKill.count < Self.fans, "the kill landed while the fan-out ran")
            instances.remove(at: 1)

            let start = ContinuousClock.now
            var item: [String: Any] = [:]
            repeat {
                try await Task.sleep(for: .milliseconds(200))
                item = try await instances[0].request("GET", "/v2/access/mass-messages/\(id)", headers: headers).body
            } while item["isDone"] as? Bool != true && ContinuousClock.now - start < .seconds(180)

            #expect(item["isDone"] as? Bool == true && item["sentCount"] as? Int == Self.fans && item["pending"] as? Int == 0)
            let done = try await Self.deliveries(database, massMessageID: id)
            #expect(done.count == Self.fans, "every recipient served")
            #expect(done.distinctFans == Self.fans, "each exactly once")
            for instance in instances {
                let batches = try await instance.metric("fanout_fan_out_batches_total")
                #expect(batches > 0, "instance on port \(instance.port) took part in the fan-out")
            }
        }
    }

    @Test func threeInstancesSendEachWebhookEventOnce() async throws {
        let receiver = WebhookReceiver { _ in .ok }
        let server = try PostgresURL(try StorageBackend.testClusterURL())
        try await receiver.listening { hook in
            try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_webhooks", logger: Self.logger) { database in
                let headers = try await Self.prepare(PostgresStorage(database: database), fans: 10)
                let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
                let instances = try (0..<3).map { _ in try ServerProcess(database: url) }
                defer { instances.forEach { $0.stop() } }
                for instance in instances { try await instance.waitUntilHealthy() }
                let key = ["apiKey": headers["apiKey"]!]
                let endpoint = try #require(try await instances[0].request("POST", "/webhooks", headers: key, json: ["url": hook]).body["id"] as? Int)
                // Events written through every instance: test events and fans' messages.
                for index in 0..<30 {
                    let instance = instances[index % 3]
                    if index.isMultiple(of: 2) {
                        #expect(try await instance.request("POST", "/webhooks/\(endpoint)/test", headers: key).status == 202)
                    } else {
                        let fan = 10_000_000 + index % 10
                        #expect(try await instance.request("POST", "/sandbox/fans/\(fan)/messages", headers: headers, json: ["text": "Hi \(index)"]).status == 200)
                    }
                }
                try await receiver.wait(for: 30, timeout: .seconds(60))
                try await Task.sleep(for: .milliseconds(500))
                let ids = receiver.all.compactMap(\.webhookID)
                #expect(ids.count == 30 && Set(ids).count == 30, "each event sent once, by one of the instances")
                let types = receiver.all.compactMap { $0.envelope?["type"] as? String }
                #expect(types.filter { $0 == "realtime.chat_message.received" }.count == 15)
            }
        }
    }

    @Test func aConnectionsRateLimitHoldsAcrossInstances() async throws {
        let server = try PostgresURL(try StorageBackend.testClusterURL())
        try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_limits", logger: Self.logger) { database in
            let headers = try await Self.prepare(PostgresStorage(database: database), fans: 10)
            let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
            // One token a minute: the four requests cannot outlast a refill
            // (at 60 a minute, a loaded machine took over a second for them).
            let instances = try (0..<2).map { _ in try ServerProcess(database: url, arguments: ["--rate-limit", "1/3"]) }
            defer { instances.forEach { $0.stop() } }
            for instance in instances { try await instance.waitUntilHealthy() }
            var statuses: [Int] = []
            for index in 0..<4 {
                statuses.append(try await instances[index % 2].request("GET", "/v2/access/chats?limit=1", headers: headers).status)
            }
            #expect(statuses == [200, 200, 200, 429], "a burst of 3 for the connection, not 3 per instance")
        }
    }

    /// A creator with `fans` subscribers, an organization key and a connection.
    static func prepare(_ storage: PostgresStorage, fans: Int = fans) async throws -> [String: String] {
        let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
        try await storage.importAudience(DemoAudience(creator: creator, fans: fans, since: Date(timeIntervalSince1970: 1_700_000_000))) { _ in }
        let operations = OperatorService(storage: storage)
        let key = try await operations.createOrganization(name: "Instances")
        let connection = try await operations.createConnection(
            organizationID: key.organizationID, creatorID: 1, permissions: [.messagesRead, .messagesWrite])
        return ["apiKey": key.apiKey, "x-connection-id": connection.id]
    }

    /// Deliveries of the mass message, both kinds: rows not yet acted on and
    /// those turned into messages.
    static func deliveries(_ database: PostgresAppDatabase, massMessageID: Int) async throws -> (count: Int, distinctFans: Int) {
        let id = Int64(massMessageID)
        let rows = try await database.clients.query("""
            SELECT COUNT(*), COUNT(DISTINCT fan_id) FROM (
                SELECT c.fan_id FROM message m JOIN chat c ON c.id = m.chat_id WHERE m.mass_message_id = \(id)
                UNION ALL
                SELECT fan_id FROM mass_delivery WHERE mass_message_id = \(id)) AS d
            """, logger: logger).collect()
        return try rows[0].decode((Int, Int).self)
    }
}
