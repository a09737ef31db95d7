extension WebhookEventType {
    /// The permission a connection must hold for an event about it to be
    /// sent: the one reading the event's subject through the API needs
    /// (a chat message or a mass message: `messages:read`; a purchase:
    /// `analytics:read`, as the buyers list). nil for `webhook.test`, which
    /// is about no connection, and for the connection events, which are about
    /// the organization's own connection. The storage writes an event's deliveries
    /// only for the connections that hold it.
    public var requiredPermission: Permission? {
        switch self {
        case .chatMessageReceived, .chatMessageDeleted, .massMessageSent: .messagesRead
        case .massMessagePurchased: .analyticsRead
        case .test, .connectionCreated, .connectionUpdated, .connectionExpired: nil
        }
    }
}
