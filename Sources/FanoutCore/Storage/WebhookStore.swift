import Foundation

/// Organizations' webhook endpoints, and the outbox of their events: each
/// event is a delivery row per endpoint, claimed by one sender at a time
/// (a lease), attempted until delivered, failed or the endpoint is gone.
public protocol WebhookStore: Sendable {
    func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date
    ) async throws -> WebhookEndpoint
    /// Oldest first.
    func webhookEndpoints(organizationID: Int64) async throws -> [WebhookEndpoint]
    /// Its pending deliveries go with it.
    func removeWebhookEndpoint(id: Int64, organizationID: Int64) async throws -> Bool
    /// A delivery of `event` to that one endpoint, due now; false when it
    /// is not the organization's.
    func enqueueWebhookEvent(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) async throws -> Bool
    /// Newest first; nil when the endpoint is not the organization's.
    func webhookDeliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery>?
    /// Up to `perEndpoint` due deliveries of each endpoint (oldest first),
    /// `limit` in all, none of the endpoints in `busy`; each is leased until
    /// `leaseUntil` (another sender takes it again only after that).
    func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>
    ) async throws -> [DueWebhookDelivery]
    func recordWebhookAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome, at now: Date) async throws
    /// Keeps a rendered body, so that every later attempt sends the same.
    func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws
}

/// An event as it is sent: its id (the `webhook-id`), type and whole body.
public struct WebhookEvent: Sendable, Equatable {
    public var id: String
    public var type: WebhookEventType
    public var payload: [UInt8]

    public init(id: String = WebhookEvent.newID(), type: WebhookEventType, payload: [UInt8]) {
        self.id = id
        self.type = type
        self.payload = payload
    }

    /// `msg_` + 24 random base-62 characters, as Standard Webhooks ids look.
    public static func newID() -> String {
        var rng = SystemRandomNumberGenerator()
        return "msg_" + String((0..<24).map { _ in APIKeySecret.alphabet.randomElement(using: &rng)! })
    }
}

public enum WebhookAttemptOutcome: Sendable, Equatable {
    case delivered
    case retry(at: Date)
    /// No attempts left.
    case failed
    /// The receiver answered 410: the endpoint is disabled, this delivery failed.
    case endpointGone
}
