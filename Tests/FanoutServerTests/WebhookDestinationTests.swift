import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Webhook destinations inside the network: refused at registration with a
/// 400 naming `url`, and again on the resolved address when a delivery
/// connects; the sandbox (and `--allow-private-webhooks`) lets loopback and
/// private addresses through, never link-local or metadata ones.
@Suite struct WebhookDestinationTests {
    static func key(_ world: TestWorld) -> Caller { Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0) }

    static let inside = [
        "http://127.0.0.1:18080/metrics", "http://169.254.169.254/latest/meta-data/", "http://2130706433/", "http://0x7f000001/",
        "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/", "http://10.0.0.5/", "http://172.16.3.4/",
        "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/", "http://localhost:8080/",
        "http://user:password@example.com/", "http://example.com:0/",
    ]

    @Test func withoutTheSandboxDestinationsInsideTheNetworkAreA400NamingURL() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(sandbox: false) { api in
                for url in Self.inside {
                    let answer = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": url])
                    #expect(answer.status == .badRequest, "\(url)")
                    #expect(try answer.error.details?.field == "url", "\(url)")
                }
                #expect(try await api.get("/webhooks", as: Self.key(world)).decode(Components.Schemas.WebhookEndpointList.self).list.isEmpty)
                let outside = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "https://hooks.example.test/fanout"])
                #expect(outside.status == .created)
            }
        }
    }

    @Test func theSandboxAllowsLoopbackAndPrivateButNeverLinkLocal() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(sandbox: true) { api in
                for url in ["http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://10.0.0.5/", "http://2130706433/"] {
                    #expect(try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": url]).status == .created, "\(url)")
                }
                for url in ["http://169.254.169.254/latest/meta-data/", "http://0xa9fea9fe/", "http://169.254.1.1/"] {
                    let answer = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": url])
                    let field = try answer.error.details?.field
                    #expect(answer.status == .badRequest && field == "url", "\(url)")
                }
            }
        }
    }

    @Test func allowPrivateWebhooksLetsLoopbackThroughWithoutTheSandbox() async throws {
        try await TestWorld.with(.sqlite) { world in
            var configuration = AppConfiguration(
                runsBackgroundServices: false, sandboxEnabled: false, consoleEnabled: false)
            configuration.allowPrivateWebhooks = true
            try await buildApplication(configuration: configuration, dependencies: world.dependencies).test(.router) { client in
                let api = APIClient(client: client)
                #expect(try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "http://127.0.0.1:9/"]).status == .created)
                let metadata = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "http://169.254.169.254/"])
                #expect(metadata.status == .badRequest)
            }
        }
    }

    @Test func theResolvedAddressIsChecked() async throws {
        let strict = WebhookDestinationResolver(policy: WebhookDestinationPolicy(allowsPrivate: false))
        let sandbox = WebhookDestinationResolver(policy: WebhookDestinationPolicy(allowsPrivate: true))
        // The system's resolver reads numeric spellings: 2130706433 is pinned to 127.0.0.1.
        #expect(try await sandbox.resolve("http://2130706433:9/").address == IPAddress(host: "127.0.0.1"))
        #expect(try await sandbox.resolve("http://localhost:9/hook").host == "localhost")
        await #expect(throws: WebhookDestinationResolver.Refused.self) { try await strict.resolve("http://0x7f000001:9/") }
        await #expect(throws: WebhookDestinationResolver.Refused.self) { try await sandbox.resolve("http://169.254.169.254/latest/meta-data/") }
        await #expect(throws: WebhookDestinationResolver.Refused.self) { try await sandbox.resolve("http://user:pw@127.0.0.1:9/") }
        // A public name whose answer is inside the network (a rebinding), and one with any address inside.
        var rebound = strict
        rebound.lookUp = { _ in [IPAddress(host: "127.0.0.1")!] }
        await #expect(throws: WebhookDestinationResolver.Refused.self) { try await rebound.resolve("https://hooks.example.com/") }
        rebound.lookUp = { _ in [IPAddress(host: "93.184.216.34")!, IPAddress(host: "::ffff:169.254.169.254")!] }
        await #expect(throws: WebhookDestinationResolver.Refused.self) { try await rebound.resolve("https://hooks.example.com/") }
        rebound.lookUp = { _ in [IPAddress(host: "93.184.216.34")!] }
        #expect(try await rebound.resolve("https://hooks.example.com/") == .init(host: "hooks.example.com", address: IPAddress(host: "93.184.216.34")!))
    }

    @Test func theClientConnectsOnlyToTheCheckedAddressKeepingTheHostName() async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let port = try #require(URL(string: url)?.port)
                    // A name no DNS knows: delivered only if the client uses the address the check was given.
                    let endpoint = try await api.send(
                        "/webhooks", method: .post, as: Self.key(world), json: ["url": "http://hooks.fanout.invalid:\(port)/hook"]
                    ).decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                    _ = try await api.send("/webhooks/\(endpoint)/test", method: .post, headers: Self.key(world).headers)
                    try await WebhookDeliveryTests.withSender(world, lookUp: { _ in [IPAddress(host: "127.0.0.1")!] }) {
                        try await receiver.wait(for: 1)
                    }
                    #expect(receiver.all.first?.authority == "hooks.fanout.invalid:\(port)", "the Host header names the URL's host")
                }
            }
        }
    }

    @Test func aDeliveryToARefusedAddressIsAFailedAttemptRetriedLater() async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let port = try #require(URL(string: url)?.port)
                    // Registered with the sandbox on; delivered by a sender without it.
                    let byName = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "http://localhost:\(port)/hook"])
                        .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                    _ = try await api.send("/webhooks/\(byName)/test", method: .post, headers: Self.key(world).headers)
                    try await WebhookDeliveryTests.withSender(world, destinations: WebhookDestinationPolicy(allowsPrivate: false)) {
                        try await WebhookDeliveryTests.attempts(api, Self.key(world), endpoint: byName, reach: 1)
                    }
                    #expect(receiver.count == 0, "nothing reached the receiver")
                    let delivery = try #require(try await api.get("/webhooks/\(byName)/deliveries", as: Self.key(world))
                        .decode(Components.Schemas.WebhookDeliveryPage.self).list.first)
                    #expect(delivery.state == .pending && delivery.lastStatus == nil && delivery.nextAttemptAt != nil, "retried per the schedule")

                    // The same receiver by address, with private destinations allowed: delivered (the refusal was the policy's).
                    let byAddress = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": url])
                        .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                    _ = try await api.send("/webhooks/\(byAddress)/test", method: .post, headers: Self.key(world).headers)
                    try await WebhookDeliveryTests.withSender(world) { try await receiver.wait(for: 1) }
                }
            }
        }
    }
}
