import FanoutAPI
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// One endpoint registered at a live receiver, with a sender running: what
/// the delivery tests share.
struct WebhookScene: Sendable {
    let world: TestWorld
    let api: APIClient
    /// The organization's key, without a connection.
    let key: Caller
    let endpoint: Int
    let secret: String

    /// A receiver, an SQLite world, an endpoint at the receiver and one
    /// sender whose attempts time out after `timeout`.
    static func with(
        _ receiver: WebhookReceiver, timeout: Duration = .seconds(10), _ body: @escaping @Sendable (WebhookScene) async throws -> Void
    ) async throws {
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let (id, secret) = try await WebhookDeliveryTests.register(api, world, url: url)
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    try await WebhookDeliveryTests.withSender(world, timeout: timeout) {
                        try await body(WebhookScene(world: world, api: api, key: key, endpoint: id, secret: secret))
                    }
                }
            }
        }
    }

    /// Queues a `webhook.test` event: its id.
    @discardableResult func sendTest() async throws -> String {
        try await api.send("/webhooks/\(endpoint)/test", method: .post, headers: key.headers).decode(Components.Schemas.WebhookTestQueued.self).eventId
    }

    /// Waits (real time) until the newest delivery has `count` attempts recorded.
    func attempts(reach count: Int) async throws {
        try await WebhookDeliveryTests.attempts(api, key, endpoint: endpoint, reach: count)
    }

    func newestDelivery() async throws -> Components.Schemas.WebhookDelivery {
        try #require(try await deliveries().first)
    }

    func deliveries() async throws -> [Components.Schemas.WebhookDelivery] {
        try await api.get("/webhooks/\(endpoint)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self).list
    }
}
