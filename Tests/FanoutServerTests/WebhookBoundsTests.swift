import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What one organization's webhooks may take: one deadline over a whole
/// attempt (a receiver dripping its body holds nothing past it), at most
/// 64 KiB of an answer read, 20 endpoints, and a rate limit of its own on
/// `/webhooks`.
@Suite struct WebhookBoundsTests {
    static func key(_ world: TestWorld, organization: Int = 0) -> Caller {
        Caller(apiKey: world.credentials.organizations[organization].apiKey, connectionID: "", creatorID: 0)
    }

    /// `body` with `respond` answering POST /hook on a free port: its URL.
    static func serving(
        _ respond: @escaping @Sendable () -> Response, _ body: @Sendable (String) async throws -> Void
    ) async throws {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return respond()
        }
        try await Application(router: router).test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))/hook")
        }
    }

    @Test func aReceiverDrippingItsBodyIsCutAtTheDeadline() async throws {
        // Headers and a first byte at once, then a byte every 200 ms for a minute.
        let drip = { @Sendable () -> Response in
            Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<300 {
                    try await writer.write(ByteBuffer(string: "."))
                    try await Task.sleep(for: .milliseconds(200))
                }
                try await writer.finish(nil)
            })
        }
        try await Self.serving(drip) { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let (id, _) = try await WebhookDeliveryTests.register(api, world, url: url)
                    _ = try await api.send("/webhooks/\(id)/test", method: .post, headers: Self.key(world).headers)
                    let started = ContinuousClock.now
                    try await WebhookDeliveryTests.withSender(world, timeout: .seconds(1)) {
                        try await WebhookDeliveryTests.attempts(api, Self.key(world), endpoint: id, reach: 1)
                    }
                    let took = ContinuousClock.now - started
                    #expect(took < .seconds(8), "the attempt ended at its deadline (took \(took))")
                    let delivery = try #require(try await api.get("/webhooks/\(id)/deliveries", as: Self.key(world))
                        .decode(Components.Schemas.WebhookDeliveryPage.self).list.first)
                    #expect(delivery.lastStatus == nil && delivery.state == .pending, "a timed-out attempt: no status, retried")
                }
            }
        }
    }

    @Test func aLargeAnswerIsReadOnlyInPartAndStillDelivers() async throws {
        // 8 MiB offered; the sender reads 64 KiB and stops.
        let large = { @Sendable () -> Response in
            Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<128 { try await writer.write(ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 * 1024)) }
                try await writer.finish(nil)
            })
        }
        try await Self.serving(large) { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let (id, _) = try await WebhookDeliveryTests.register(api, world, url: url)
                    _ = try await api.send("/webhooks/\(id)/test", method: .post, headers: Self.key(world).headers)
                    try await WebhookDeliveryTests.withSender(world, timeout: .seconds(10)) {
                        try await WebhookDeliveryTests.attempts(api, Self.key(world), endpoint: id, reach: 1)
                    }
                    let delivery = try #require(try await api.get("/webhooks/\(id)/deliveries", as: Self.key(world))
                        .decode(Components.Schemas.WebhookDeliveryPage.self).list.first)
                    #expect(delivery.lastStatus == 200 && delivery.state == .delivered)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anOrganizationHasAtMostTwentyEndpoints(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                var ids: [Int] = []
                for index in 0..<WebhookService.maxEndpoints {
                    let created = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "https://hooks.example.test/\(index)"])
                    #expect(created.status == .created)
                    ids.append(try created.decode(Components.Schemas.WebhookEndpointCreated.self).value1.id)
                }
                let refused = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "https://hooks.example.test/21"])
                #expect(refused.status == .badRequest)
                #expect(try refused.error.details?.field == "url")
                #expect(try refused.error.message.contains("at most 20 webhook endpoints per organization"))
                #expect(try await api.get("/webhooks", as: Self.key(world)).decode(Components.Schemas.WebhookEndpointList.self).list.count == 20)
                // Another organization's count is its own; a removed endpoint makes room.
                let other = try await api.send("/webhooks", method: .post, as: Self.key(world, organization: 1), json: ["url": "https://hooks.example.test/b"])
                #expect(other.status == .created)
                #expect(try await api.delete("/webhooks/\(ids[0])", as: Self.key(world)).status == .ok)
                #expect(try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "https://hooks.example.test/21"]).status == .created)
            }
        }
    }

    @Test func webhooksHaveABucketPerOrganization() async throws {
        try await TestWorld.with(.sqlite, rateLimit: RateLimit(perMinute: 1, burst: 2)) { world in
            try await world.withClient { api in
                let created = try await api.send("/webhooks", method: .post, as: Self.key(world), json: ["url": "https://hooks.example.test/a"])
                #expect(created.status == .created && created.headers[RateLimitTests.remaining] == "1")
                let id = try created.decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                #expect(try await api.send("/webhooks/\(id)/test", method: .post, headers: Self.key(world).headers).status == .accepted)
                let refused = try await api.get("/webhooks", as: Self.key(world))
                #expect(refused.status == .tooManyRequests)
                #expect(try refused.error.code == "RATE_LIMIT_EXCEEDED")
                #expect(refused.headers[.retryAfter] != nil)
                #expect(try await api.send("/webhooks/\(id)/test", method: .post, headers: Self.key(world).headers).status == .tooManyRequests)
                // Another organization's bucket, and the organization's connections' buckets, are their own.
                #expect(try await api.get("/webhooks", as: Self.key(world, organization: 1)).status == .ok)
                #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).status == .ok)
            }
        }
    }
}
