import Foundation

/// Organizations' webhook endpoints, and the outbox of their events: each
/// event is a delivery row per endpoint, claimed by one sender at a time
/// (a lease), attempted until delivered, failed or the endpoint is gone.
public protocol WebhookStore: Sendable {
    /// nil when the organization has `limit` endpoints already (counted in
    /// the same transaction, so concurrent requests cannot pass it together).
    func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date, limit: Int
    ) async throws -> WebhookEndpoint?
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
    /// `limit` in all, none of the endpoints in `busy`, of events about the
    /// creators in `scope` (by their connection; events of no connection,
    /// as tests are, count as nobody's: in `.allBut`, never in `.only`);
    /// each is leased until `leaseUntil` (another sender takes it again
    /// only after that). `now` and `leaseUntil` are on the scope's clock.
    func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>, of scope: CreatorScope
    ) async throws -> [DueWebhookDelivery]
    func recordWebhookAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome, at now: Date) async throws
    /// Keeps a rendered body, so that every later attempt sends the same.
    func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws
}

extension WebhookStore {
    /// Every creator's, at one time (tests, and a clock the same for all).
    public func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>
    ) async throws -> [DueWebhookDelivery] {
        try await claimDueWebhookDeliveries(at: now, leaseUntil: leaseUntil, perEndpoint: perEndpoint, limit: limit, excluding: busy, of: .all)
    }
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

extension WebhookStore {
    /// Without a bound (the operator's own tools and tests).
    public func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date
    ) async throws -> WebhookEndpoint {
        guard let endpoint = try await addWebhookEndpoint(
            organizationID: organizationID, url: url, events: events, secret: secret, at: now, limit: .max)
        else { throw FanoutError.badRequest("too many webhook endpoints", field: "url") }
        return endpoint
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
