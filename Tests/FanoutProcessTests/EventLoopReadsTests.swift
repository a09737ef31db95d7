import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `fanout serve` runs its tasks on the event loops and page reads on the
/// loop's own thread, while reads that may scan go aside to a queue. Under
/// many concurrent requests of every kind (more than the database has
/// readers), none may hang: a reader held by a suspended task while the loops
/// wait for one would stop the whole server (an early version did, on `/health`).
@Suite struct EventLoopReadsTests {
    @Test(.timeLimit(.minutes(1))) func everyKindOfReadAnswersUnderConcurrentLoad() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-loops-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".credentials.json"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let demo = try SimulateCommandTests.run(["demo", "--database", path, "--small"])
        #expect(demo.status == 0)
        let output = try #require(try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any])
        let organization = try #require((output["organizations"] as? [[String: Any]])?.first)
        let headers = [
            "apiKey": try #require(organization["apiKey"] as? String),
            "x-connection-id": try #require((organization["connections"] as? [[String: Any]])?.first?["id"] as? String),
        ]
        let server = try ServerProcess(database: path)
        defer { server.stop() }
        try await server.waitUntilHealthy()
        let chats = try await server.request("GET", "/v2/access/chats?limit=1", headers: headers)
        let fanID = try #require(((chats.body["list"] as? [[String: Any]])?.first?["withUser"] as? [String: Any])?["id"] as? Int)

        // Half of them `/health` (the database's own ping), between page reads
        // (on the loop) and reads that go aside (a text search, deep offsets).
        let paths = [
            "/v2/access/chats/\(fanID)/messages?limit=10", "/v2/access/chats?limit=10", "/v2/access/mass-messages?limit=10&type=sent",
            "/v2/access/analytics/mass-messages/purchased?limit=20", "/v2/access/chats/\(fanID)/messages?limit=10&query=e",
            "/v2/access/chats?limit=10&offset=600", "/v2/access/chats?limit=10&query=a",
        ].flatMap { ["/health", $0] }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 20
        let session = URLSession(configuration: configuration)
        let base = server.baseURL.absoluteString
        let start = ContinuousClock.now
        let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for index in 0..<2_000 {
                let path = paths[index % paths.count]
                group.addTask {
                    var request = URLRequest(url: URL(string: base + path)!)
                    request.timeoutInterval = 20
                    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
                    let (_, response) = try await session.data(for: request)
                    return (path, (response as? HTTPURLResponse)?.statusCode ?? 0)
                }
            }
            return try await group.reduce(into: [(String, Int)]()) { $0.append($1) }
        }
        #expect(statuses.count == 2_000)
        #expect(statuses.filter { $0.1 != 200 }.isEmpty, "\(statuses.filter { $0.1 != 200 }.prefix(5))")
        #expect(ContinuousClock.now - start < .seconds(20))
        // And the server still answers afterwards.
        #expect(try await server.request("GET", "/health").status == 200)
    }
}
