internal import Foundation

/// Fanout's own webhook endpoints (`/webhooks`): authenticated by the API
/// key alone, rate limited per organization.
extension FanoutClient {
    /// The API's maximum page of deliveries.
    public static let webhookDeliveriesPageLimit = 100

    /// The organization's endpoints, oldest first, without their secrets.
    public func webhooks() async throws -> [WebhookEndpoint] {
        try await call { try await api.listWebhooks().ok.body.json }.list.map(WebhookEndpoint.init)
    }

    /// Registers `url` for `events` (empty: every type); the answer holds
    /// the signing secret, shown only this once. A `url` that reaches inside
    /// the network (unless the server allows it), carries a user or
    /// password, or a 21st endpoint is a 400 naming `url`; `.test` in
    /// `events` is a 400 naming `events` (no endpoint subscribes to it).
    public func createWebhook(url: String, events: [WebhookEventType] = []) async throws -> CreatedWebhookEndpoint {
        var wireEvents: [Components.Schemas.WebhookEventType] = []
        for event in events {
            guard let wire = event.wire else {
                throw FanoutClientError(
                    status: .badRequest, code: "BAD_REQUEST", message: "\(event.rawValue) cannot be subscribed to", requestID: nil,
                    field: "events", allowed: nil, retryAfter: nil, underlying: nil)
            }
            wireEvents.append(wire)
        }
        let created = try await call {
            try await api.createWebhook(body: .json(.init(url: url, events: events.isEmpty ? nil : wireEvents))).created.body.json
        }
        return CreatedWebhookEndpoint(endpoint: try WebhookEndpoint(created.value1), secret: created.value2.secret)
    }

    /// Removes an endpoint; its undelivered events are dropped. A missing id is a 404.
    public func deleteWebhook(id: Int) async throws {
        _ = try await call { try await api.deleteWebhook(path: .init(webhookId: String(id))).ok.body.json }
    }

    /// Queues a `webhook.test` event to the endpoint; its event id (the
    /// delivery's `webhook-id`). A missing id is a 404.
    @discardableResult
    public func testWebhook(id: Int) async throws -> String {
        try await call { try await api.testWebhook(path: .init(webhookId: String(id))).accepted.body.json }.eventId
    }

    /// One page of an endpoint's deliveries, newest first (`limit` 1–100).
    public func webhookDeliveriesPage(webhookID: Int, limit: Int = 20, offset: Int = 0) async throws -> Page<WebhookDelivery> {
        let page = try await call {
            try await api.listWebhookDeliveries(path: .init(webhookId: String(webhookID)), query: .init(limit: limit, offset: offset)).ok.body.json
        }
        return Page(items: try page.list.map(WebhookDelivery.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every delivery of an endpoint, newest first, page by page by offset.
    public func webhookDeliveries(webhookID: Int, pageSize: Int = 20) -> PagedSequence<WebhookDelivery> {
        .byOffset { offset in try await webhookDeliveriesPage(webhookID: webhookID, limit: pageSize, offset: offset) }
    }
}
