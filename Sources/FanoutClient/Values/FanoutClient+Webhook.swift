public import Foundation

extension FanoutClient {
    /// What a webhook endpoint can receive, by the type its events carry.
    public enum WebhookEventType: String, Sendable, Hashable, CaseIterable {
        case chatMessageReceived = "realtime.chat_message.received"
        case chatMessageDeleted = "realtime.chat_message.deleted"
        case massMessageSent = "fanout.mass_message.sent"
        case massMessagePurchased = "fanout.mass_message.purchased"
        case connectionCreated = "connection.created"
        case connectionUpdated = "connection.updated"
        case connectionExpired = "connection.expired"
        /// Sent by ``FanoutClient/testWebhook(id:)`` only: no endpoint subscribes to it.
        case test = "webhook.test"
    }

    /// An organization's webhook endpoint (Fanout's own API, not OFAuth's).
    public struct WebhookEndpoint: Sendable, Hashable, Identifiable {
        public var id: Int
        public var url: String
        /// The types it receives; empty: every type.
        public var events: [WebhookEventType]
        public var createdAt: Date
        /// When a receiver answered 410 Gone; nothing is sent to it after.
        public var disabledAt: Date?

        public init(id: Int, url: String, events: [WebhookEventType], createdAt: Date, disabledAt: Date? = nil) {
            self.id = id
            self.url = url
            self.events = events
            self.createdAt = createdAt
            self.disabledAt = disabledAt
        }
    }

    /// An endpoint just registered, with the secret its deliveries are
    /// signed with: shown this once, keep it (`whsec_…`, what
    /// `FanoutWebhook.verify` takes).
    public struct CreatedWebhookEndpoint: Sendable, Hashable, Identifiable {
        public var endpoint: WebhookEndpoint
        public var secret: String

        public var id: Int { endpoint.id }

        public init(endpoint: WebhookEndpoint, secret: String) {
            self.endpoint = endpoint
            self.secret = secret
        }
    }

    /// One event's delivery to an endpoint: its attempts so far and what
    /// comes next.
    public struct WebhookDelivery: Sendable, Hashable, Identifiable {
        public enum State: String, Sendable, Hashable, CaseIterable {
            /// Not delivered yet: `nextAttemptAt` says when it is tried again.
            case pending
            /// A receiver answered 2xx.
            case delivered
            /// Given up (its retries ran out, or the endpoint answered 410).
            case failed
        }

        public var id: Int
        /// The event's id: every attempt's `webhook-id`.
        public var eventID: String
        public var type: WebhookEventType
        public var attempts: Int
        /// The HTTP status of the last attempt; nil when none answered.
        public var lastStatus: Int?
        public var nextAttemptAt: Date?
        public var state: State
        public var createdAt: Date

        public init(
            id: Int, eventID: String, type: WebhookEventType, attempts: Int, lastStatus: Int? = nil, nextAttemptAt: Date? = nil,
            state: State, createdAt: Date
        ) {
            self.id = id
            self.eventID = eventID
            self.type = type
            self.attempts = attempts
            self.lastStatus = lastStatus
            self.nextAttemptAt = nextAttemptAt
            self.state = state
            self.createdAt = createdAt
        }
    }
}
