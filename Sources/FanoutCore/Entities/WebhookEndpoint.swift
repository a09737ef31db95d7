import Foundation

/// Where an organization wants its events posted, and which ones.
public struct WebhookEndpoint: Sendable, Equatable {
    public var id: Int64
    public var organizationID: Int64
    public var url: String
    /// The event types it receives; empty: every type.
    public var events: [WebhookEventType]
    /// `whsec_` + base64 of the signing key. Kept as is (a signature needs
    /// the key itself), shown to the API once, when the endpoint is made.
    public var secret: WebhookSecret
    public var createdAt: Date
    /// Set when a receiver answered 410 Gone: nothing more is sent to it.
    public var disabledAt: Date?

    public init(
        id: Int64, organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, createdAt: Date,
        disabledAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.url = url
        self.events = events
        self.secret = secret
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}

/// The event types Fanout sends: OFAuth's realtime events, Fanout's own, and the test.
public enum WebhookEventType: String, CaseIterable, Sendable, Codable {
    case chatMessageReceived = "realtime.chat_message.received"
    case chatMessageDeleted = "realtime.chat_message.deleted"
    case massMessageSent = "fanout.mass_message.sent"
    case massMessagePurchased = "fanout.mass_message.purchased"
    case connectionCreated = "connection.created"
    case connectionUpdated = "connection.updated"
    case connectionExpired = "connection.expired"
    case test = "webhook.test"
}

/// One event's delivery to one endpoint, as the deliveries list shows it.
public struct WebhookDelivery: Sendable, Equatable {
    public enum State: String, Sendable { case pending, delivered, failed }

    public var id: Int64
    /// The event's id: the `webhook-id` of every attempt.
    public var eventID: String
    public var type: WebhookEventType
    public var attempts: Int
    public var lastStatus: Int?
    public var nextAttemptAt: Date?
    public var state: State
    public var createdAt: Date

    public init(
        id: Int64, eventID: String, type: WebhookEventType, attempts: Int, lastStatus: Int?, nextAttemptAt: Date?, state: State,
        createdAt: Date
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

/// A delivery whose attempt is due, with what the sender needs to make it.
public struct DueWebhookDelivery: Sendable, Equatable {
    public var id: Int64
    public var endpointID: Int64
    public var organizationID: Int64
    public var url: String
    public var secret: WebhookSecret
    public var eventID: String
    public var type: WebhookEventType
    /// What caused it, for an event written with its cause: the connection
    /// it is about, the subject's id (a mass message, a message, a
    /// purchase) and the fan it concerns, where there is one (kept because
    /// an unsent message is gone by the time its event is rendered).
    public var connectionID: String?
    public var subjectID: Int64?
    public var fanID: Int64?
    /// The whole JSON body, the same on every attempt; nil until an event
    /// written with its cause is first rendered.
    public var payload: [UInt8]?
    /// Attempts made before this one.
    public var attempts: Int

    public init(
        id: Int64, endpointID: Int64, organizationID: Int64, url: String, secret: WebhookSecret, eventID: String, type: WebhookEventType,
        connectionID: String? = nil, subjectID: Int64? = nil, fanID: Int64? = nil, payload: [UInt8]?, attempts: Int
    ) {
        self.id = id
        self.endpointID = endpointID
        self.organizationID = organizationID
        self.url = url
        self.secret = secret
        self.eventID = eventID
        self.type = type
        self.connectionID = connectionID
        self.subjectID = subjectID
        self.fanID = fanID
        self.payload = payload
        self.attempts = attempts
    }
}
