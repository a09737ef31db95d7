import Foundation

/// Registering endpoints, with their rules: an `http` or `https` URL with a
/// host `destinations` allows; event names Fanout knows (none: every
/// event); at most `maxEndpoints` endpoints per organization.
public struct WebhookService: Sendable {
    let store: any WebhookStore
    let clock: any FanoutClock
    let destinations: WebhookDestinationPolicy

    /// Endpoints an organization may have: each one multiplies every event's deliveries.
    public static let maxEndpoints = 20

    public init(store: any WebhookStore, clock: any FanoutClock, destinations: WebhookDestinationPolicy) {
        self.store = store
        self.clock = clock
        self.destinations = destinations
    }

    public func add(organizationID: Int64, url: String, events: [String]?) async throws -> WebhookEndpoint {
        let url = try Self.validURL(url)
        _ = try destinations.check(url: url)
        var types: [WebhookEventType] = []
        if (events?.count ?? 0) > 20 { throw FanoutError.badRequest("events takes at most 20 names", field: "events") }
        for name in events ?? [] {
            guard let type = WebhookEventType(rawValue: name), type != .test else {
                throw FanoutError.badRequest(
                    "Unknown event \(name)", field: "events",
                    allowed: WebhookEventType.allCases.filter { $0 != .test }.map(\.rawValue).joined(separator: ", "))
            }
            if !types.contains(type) { types.append(type) }
        }
        guard let endpoint = try await store.addWebhookEndpoint(
            organizationID: organizationID, url: url, events: types, secret: .generate(), at: clock.now(), limit: Self.maxEndpoints)
        else {
            throw FanoutError.badRequest("at most \(Self.maxEndpoints) webhook endpoints per organization", field: "url")
        }
        return endpoint
    }

    public func endpoints(organizationID: Int64) async throws -> [WebhookEndpoint] {
        try await store.webhookEndpoints(organizationID: organizationID)
    }

    public func remove(id: Int64, organizationID: Int64) async throws {
        guard try await store.removeWebhookEndpoint(id: id, organizationID: organizationID) else { throw Self.notFound(id) }
    }

    public func deliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery> {
        guard let page = try await store.webhookDeliveries(endpointID: endpointID, organizationID: organizationID, page: page) else {
            throw Self.notFound(endpointID)
        }
        return page
    }

    /// Queues a `webhook.test` event for the endpoint: its id.
    public func sendTest(endpointID: Int64, organizationID: Int64, payload: (_ eventID: String, _ at: Date) -> [UInt8]) async throws -> String {
        let id = WebhookEvent.newID(), now = clock.now()
        let event = WebhookEvent(id: id, type: .test, payload: payload(id, now))
        guard try await store.enqueueWebhookEvent(event, endpointID: endpointID, organizationID: organizationID, at: now) else {
            throw Self.notFound(endpointID)
        }
        return id
    }

    /// The shape `openapi.yaml` gives `url` (the same pattern, so the two
    /// accept exactly the same): a scheme, a host of letters, digits, dots
    /// and dashes, an optional port, then a path without spaces.
    static func validURL(_ text: String) throws -> String {
        guard text.unicodeScalars.count <= 2_000, text.wholeMatch(of: urlShape) != nil else {
            throw FanoutError.badRequest("url must be an http or https URL with a host", field: "url")
        }
        return text
    }

    nonisolated(unsafe) static let urlShape = try! Regex(#"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\x00-\x20]*)?"#)

    static func notFound(_ id: Int64) -> FanoutError { .notFound("Webhook endpoint \(id) not found") }
}
