internal import Foundation

extension FanoutClient.WebhookEventType {
    /// A type the server names (an unknown one is an invalid response).
    package init(wire: String, field: String) throws {
        guard let type = Self(rawValue: wire) else { throw FanoutClientError.invalidResponse(field: field, value: wire) }
        self = type
    }

    /// The type as a request names it; nil for `test`, which no endpoint subscribes to.
    var wire: Components.Schemas.WebhookEventType? {
        switch self {
        case .chatMessageReceived: .realtime_chatMessage_received
        case .chatMessageDeleted: .realtime_chatMessage_deleted
        case .massMessageSent: .fanout_massMessage_sent
        case .massMessagePurchased: .fanout_massMessage_purchased
        case .connectionCreated: .connection_created
        case .connectionUpdated: .connection_updated
        case .connectionExpired: .connection_expired
        case .test: nil
        }
    }
}

extension FanoutClient.WebhookEndpoint {
    package init(_ wire: Components.Schemas.WebhookEndpoint) throws {
        self.init(
            id: wire.id, url: wire.url,
            events: try wire.events.map { try FanoutClient.WebhookEventType(wire: $0, field: "webhook.events") },
            createdAt: try WireValue.date(wire.createdAt, field: "webhook.createdAt"),
            disabledAt: try WireValue.date(wire.disabledAt, field: "webhook.disabledAt"))
    }
}

extension FanoutClient.WebhookDelivery {
    package init(_ wire: Components.Schemas.WebhookDelivery) throws {
        self.init(
            id: wire.id, eventID: wire.eventId, type: try FanoutClient.WebhookEventType(wire: wire._type, field: "delivery.type"),
            attempts: wire.attempts, lastStatus: wire.lastStatus,
            nextAttemptAt: try WireValue.date(wire.nextAttemptAt, field: "delivery.nextAttemptAt"),
            state: State(wire.state),
            createdAt: try WireValue.date(wire.createdAt, field: "delivery.createdAt"))
    }
}

extension FanoutClient.WebhookDelivery.State {
    init(_ wire: Components.Schemas.WebhookDelivery.StatePayload) {
        switch wire {
        case .pending: self = .pending
        case .delivered: self = .delivered
        case .failed: self = .failed
        }
    }
}
