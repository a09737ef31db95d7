import FanoutCore
import FanoutSQLite
import Foundation
import GRDB
import Testing

/// `fanout demo --fans N`: a creator with N active subscribers beside the
/// demo, with its own organization, key and connection in the printed JSON.
@Suite struct DemoCommandTests {
    @Test func fansAddsACreatorWithThatManyActiveSubscribers() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-fans-\(UUID().uuidString).sqlite").path
        let result = try SimulateCommandTests.run(["demo", "--database", path, "--small", "--fans", "25000"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("25000/25000 100%"), "a progress bar on stderr")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let organizations = try #require(output["organizations"] as? [[String: Any]])
        let studio = try #require(organizations.last)
        #expect(studio["name"] as? String == "Fan-out Studio")
        let connection = try #require((studio["connections"] as? [[String: Any]])?.first)
        let creatorID = try #require(connection["creatorId"] as? Int)
        #expect((connection["permissions"] as? [String])?.contains("messages:write") == true)

        // Its key works and a mass message to everyone counts them all.
        let storage = SQLiteStorage(database: try AppDatabase(path: path))
        let access = AccessService(store: storage)
        let organizationID = try await access.organization(apiKey: try #require(studio["apiKey"] as? String))
        let resolved = try await access.connection(try #require(connection["id"] as? String), organizationID: organizationID)
        #expect(resolved.creatorID == Int64(creatorID))
        let message = try await storage.createMassMessage(MassMessageDraft(text: "Hi all"), creatorID: Int64(creatorID), at: Date())
        #expect(message.total == 25_000)

        #expect(try SimulateCommandTests.run(["demo", "--database", path + "2", "--fans", "0"]).status != 0)
    }
}
