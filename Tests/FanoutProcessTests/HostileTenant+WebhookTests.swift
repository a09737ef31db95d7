import FanoutTestSupport
import Foundation
import Testing

/// Issue 29, item 6 against a real `fanout serve`: webhook URLs that reach
/// inside the network are refused with a 400 naming `url` (every spelling
/// of loopback, the metadata address), the sandbox lets loopback through but
/// never link-local; the server answers after.
@Suite(.serialized) struct HostileTenantWebhookTests {
    static let inside = [
        "http://169.254.169.254/latest/meta-data/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
        "http://[::ffff:127.0.0.1]/", "http://10.0.0.1/", "http://localhost/",
    ]

    @Test func withoutTheSandboxNoWebhookReachesInsideTheNetwork() async throws {
        try await HostileTenantWorld.with(.sqlite, arguments: ["--no-sandbox"]) { world in
            let before = try await world.snapshot()
            let metrics = "http://127.0.0.1:\(world.server.port)/metrics"
            for url in [metrics] + Self.inside {
                let answer = try await world.server.request("POST", "/webhooks", headers: world.attacker, json: ["url": url])
                #expect(answer.status == 400, "\(url)")
                #expect((answer.body["details"] as? [String: Any])?["field"] as? String == "url", "\(url): \(answer.body)")
            }
            let listed = try await world.server.request("GET", "/webhooks", headers: world.attacker)
            #expect(listed.status == 200 && (listed.body["list"] as? [Any])?.isEmpty == true, "none was registered")
            try await world.expectUnharmed(before)
        }
    }

    @Test func theSandboxAllowsLoopbackButNeverTheMetadataAddress() async throws {
        try await HostileTenantWorld.with(.sqlite, arguments: ["--sandbox"]) { world in
            let before = try await world.snapshot()
            let metadata = try await world.server.request("POST", "/webhooks", headers: world.attacker, json: ["url": "http://169.254.169.254/latest/meta-data/"])
            #expect(metadata.status == 400 && (metadata.body["details"] as? [String: Any])?["field"] as? String == "url")
            let loopback = try await world.server.request("POST", "/webhooks", headers: world.attacker, json: ["url": "http://127.0.0.1:9/hook"])
            #expect(loopback.status == 201, "a developer's receiver on this machine")
            try await world.expectUnharmed(before)
        }
    }
}
