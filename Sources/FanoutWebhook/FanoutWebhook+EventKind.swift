public import FanoutClient

extension FanoutWebhook {
    /// An event type and the body its handlers get: `.chatMessageReceived`
    /// hands a `FanoutClient.Message`, `.massMessagePurchased` a
    /// ``FanoutWebhook/MassMessagePurchase``, the connection events a
    /// `FanoutClient.Connection`, and so on.
    public struct EventKind<Payload: Sendable>: Sendable {
        /// The `type` it matches.
        public let type: String
        let payload: @Sendable (Event.Body) -> Payload?
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutClient.Message {
    public static var chatMessageReceived: Self {
        Self(type: "realtime.chat_message.received") { if case .chatMessageReceived(let value) = $0 { value } else { nil } }
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutWebhook.DeletedMessage {
    public static var chatMessageDeleted: Self {
        Self(type: "realtime.chat_message.deleted") { if case .chatMessageDeleted(let value) = $0 { value } else { nil } }
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutClient.MassMessage {
    public static var massMessageSent: Self {
        Self(type: "fanout.mass_message.sent") { if case .massMessageSent(let value) = $0 { value } else { nil } }
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutWebhook.MassMessagePurchase {
    public static var massMessagePurchased: Self {
        Self(type: "fanout.mass_message.purchased") { if case .massMessagePurchased(let value) = $0 { value } else { nil } }
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutClient.Connection {
    public static var connectionCreated: Self {
        Self(type: "connection.created") { if case .connectionCreated(let value) = $0 { value } else { nil } }
    }

    public static var connectionUpdated: Self {
        Self(type: "connection.updated") { if case .connectionUpdated(let value) = $0 { value } else { nil } }
    }

    public static var connectionExpired: Self {
        Self(type: "connection.expired") { if case .connectionExpired(let value) = $0 { value } else { nil } }
    }
}

extension FanoutWebhook.EventKind where Payload == FanoutWebhook.TestEvent {
    public static var test: Self {
        Self(type: "webhook.test") { if case .test(let value) = $0 { value } else { nil } }
    }
}
