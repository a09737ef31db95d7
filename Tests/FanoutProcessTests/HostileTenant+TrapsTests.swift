import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// Issue 29, items 1 to 3 against a real `fanout serve`: a 40-byte MP4, a
/// console tip of 99999999999999999 and a receiver's `Retry-After: 1e300`
/// each stopped the whole server (a trapping `+`, `*`, and a date PostgreSQL's
/// encoder trapped on). Each is now refused or clamped, and the server answers after.
@Suite struct HostileTenantTrapsTests {
    /// `00 00 00 18 'ftyp' 'isom' 00 00 02 00 'isom' 'iso2' 00 00 00 01 'free' 7f ff ff ff ff ff ff ff`.
    static let overflowingMP4 = Data([0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)
        + [0, 0, 0, 1] + Array("free".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])

    @Test(arguments: StorageBackend.available)
    func aFortyByteMP4WithAnOverflowingBoxIsRefused(backend: StorageBackend) async throws {
        try await HostileTenantWorld.with(backend) { world in
            let before = try await world.snapshot()
            let started = try await world.server.request("POST", "/v2/access/uploads/init", headers: world.attacker, json: [
                "filename": "e.mp4", "size": 40, "contentType": "video/mp4",
            ])
            let id = try #require(started.body["mediaUploadId"] as? String, "\(started)")
            let url = world.server.baseURL.appendingPathComponent("v2/access/uploads/\(id)")
            let (status, field) = try await HostileTenantUploadsTests.put(url, headers: world.attacker, bytes: Self.overflowingMP4)
            #expect(status == 400 && field == "contentType", "refused as no known format: \(status) \(field ?? "-")")
            try await world.expectUnharmed(before)
        }
    }

    @Test func aHugeConsoleTipIsAFormError() async throws {
        try await HostileTenantWorld.with(.sqlite) { world in
            let before = try await world.snapshot()
            let chats = try await world.server.request("GET", "/v2/access/chats?limit=1", headers: world.attacker)
            let fan = try #require(((chats.body["list"] as? [[String: Any]])?.first?["withUser"] as? [String: Any])?["id"] as? Int)
            let browser = try Curl(base: world.server.baseURL.absoluteString)
            defer { browser.remove() }
            #expect(try browser.post("/console/sign-in", ["apiKey": try #require(world.attacker["apiKey"])]).status == 303)
            _ = try browser.get("/console/connections")
            #expect(try browser.post("/console/connections", ["connectionId": try #require(world.attacker["x-connection-id"])]).status == 303)
            _ = try browser.get("/console/chats/\(fan)")
            let huge = try browser.post("/console/chats/\(fan)/fan-messages", ["text": "", "tip": "99999999999999999"])
            #expect(huge.status == 400, "a form error, not a crash: \(huge.status)")
            #expect(huge.body.contains("tip must be more than 0 and at most 200"))
            try await world.expectUnharmed(before)
        }
    }

    @Test(arguments: StorageBackend.available)
    func aReceiversRetryAfterOf1e300IsADayAtMost(backend: StorageBackend) async throws {
        try backend.skipUnlessReachable()
        let receiver = WebhookReceiver(responses: { _ in (.serviceUnavailable, [.retryAfter: "1e300"]) })
        try await receiver.listening { receiverURL in
            try await HostileTenantWorld.with(backend) { world in
                let before = try await world.snapshot()
                let created = try await world.server.request("POST", "/webhooks", headers: world.attacker, json: ["url": receiverURL])
                let endpoint = try #require(created.body["id"] as? Int, "\(created)")
                #expect(try await world.server.request("POST", "/webhooks/\(endpoint)/test", headers: world.attacker).status < 300)
                try await receiver.wait(for: 1)
                var delivery: [String: Any] = [:]
                for _ in 0..<100 {
                    let page = try await world.server.request("GET", "/webhooks/\(endpoint)/deliveries", headers: world.attacker)
                    delivery = (page.body["list"] as? [[String: Any]])?.first ?? [:]
                    if delivery["lastStatus"] as? Int == 503 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(delivery["lastStatus"] as? Int == 503 && delivery["state"] as? String == "pending", "\(delivery)")
                let next = try #require((delivery["nextAttemptAt"] as? String).flatMap(HostileTenantWorld.parseDate), "\(delivery)")
                let wait = next.timeIntervalSinceNow
                #expect(wait > 86_000 && wait <= 86_400 + 60, "the receiver's 1e300 s are a day: \(wait) s")
                try await world.expectUnharmed(before)
            }
        }
    }
}

/// A browser for the console of a server in another process: curl with a
/// cookie jar (redirects not followed), the CSRF token read from the last page.
struct Curl {
    let base: String
    let jar: URL
    private let lastPage: URL

    init(base: String) throws {
        self.base = base
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        jar = folder.appendingPathComponent("cookies")
        lastPage = folder.appendingPathComponent("page")
    }

    func remove() { try? FileManager.default.removeItem(at: jar.deletingLastPathComponent()) }

    func get(_ path: String) throws -> (status: Int, body: String) { try run(path, []) }

    /// A form POST carrying the CSRF token of the last page.
    func post(_ path: String, _ form: [String: String]) throws -> (status: Int, body: String) {
        var fields = form
        let page = (try? String(contentsOf: lastPage, encoding: .utf8)) ?? ""
        if let range = page.range(of: #"name="csrf" value=""#) { fields["csrf"] = String(page[range.upperBound...].prefix { $0 != "\"" }) }
        return try run(path, fields.flatMap { ["--data-urlencode", "\($0)=\($1)"] })
    }

    private func run(_ path: String, _ arguments: [String]) throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let output = Pipe()
        process.standardOutput = output
        // A bound on each request, so a server that stops answering fails the test instead of holding the run.
        process.arguments = ["curl", "-sS", "--max-time", "60", "-o", "\(lastPage.path).new", "-w", "%{http_code}", "-b", jar.path, "-c", jar.path]
            + arguments + [base + path]
        try process.run()
        let status = Int(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) ?? 0
        process.waitUntilExit()
        let body = (try? String(contentsOf: URL(fileURLWithPath: "\(lastPage.path).new"), encoding: .utf8)) ?? ""
        if body.contains("<html") || body.contains("<form") { try? body.write(to: lastPage, atomically: true, encoding: .utf8) }
        return (status, body)
    }
}
