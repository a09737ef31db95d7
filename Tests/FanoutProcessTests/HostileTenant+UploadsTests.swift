import FanoutTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 29, case 10: parts sent at once could together pass the declared
/// size, and a creator could fill the disk. Parts now reserve their room in
/// the transaction that checks it, and `--upload-quota` bounds each creator.
@Suite struct HostileTenantUploadsTests {
    @Test(arguments: StorageBackend.available)
    func partsSentAtOnceAndUploadsPastTheQuotaAreRefused(backend: StorageBackend) async throws {
        try await HostileTenantWorld.with(backend, arguments: ["--sandbox", "--upload-quota", "300K", "--rate-limit", "off"]) { world in
            let before = try await world.snapshot()
            let started = try await world.server.request("POST", "/v2/access/uploads/init", headers: world.attacker, json: [
                "filename": "flood.png", "size": 100_000, "contentType": "image/png",
            ])
            let id = try #require(started.body["mediaUploadId"] as? String)
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for number in 1...8 {
                    let url = world.server.baseURL.appendingPathComponent("v2/access/uploads/\(id)/parts/\(number)")
                    let headers = world.attacker
                    group.addTask { try await Self.put(url, headers: headers, bytes: Data(repeating: UInt8(number), count: 30_000)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let accepted = statuses.filter { $0.0 == 200 }.count
            #expect(accepted >= 1 && accepted <= 3, "at most 100,000 bytes of 240,000: \(statuses)")
            #expect(statuses.allSatisfy { $0.0 == 200 || ($0.0 == 400 && $0.1 == "size") }, "\(statuses)")

            // 100,000 open + 200,000 = the quota of 300K (307,200): one byte more is refused.
            let fits = try await world.server.request("POST", "/v2/access/uploads/init", headers: world.attacker, json: [
                "filename": "b.png", "size": 207_200, "contentType": "image/png",
            ])
            #expect(fits.status == 200)
            let over = try await world.server.request("POST", "/v2/access/uploads/init", headers: world.attacker, json: [
                "filename": "c.png", "size": 1, "contentType": "image/png",
            ])
            #expect(over.status == 400 && (over.body["details"] as? [String: Any])?["field"] as? String == "size")
            #expect((over.body["message"] as? String)?.contains("quota") == true)
            try await world.expectUnharmed(before)
        }
    }

    @Test func aQuotaBeyondAnIntegerIsRefusedAtStart() throws {
        let result = try SimulateCommandTests.run(["serve", "--database", "/nonexistent/x.sqlite", "--upload-quota", "99999999999999999G"])
        #expect(result.status != 0 && result.stderr.contains("--upload-quota"), "\(result.stderr)")
    }

    /// PUT `bytes` (URLSession sends their Content-Length); the status and the error's field.
    static func put(_ url: URL, headers: [String: String], bytes: Data) async throws -> (Int, String?) {
        var request = URLRequest(url: url)
        request.httpMethod = "PUT"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.upload(for: request, from: bytes)
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, (body?["details"] as? [String: Any])?["field"] as? String)
    }
}
