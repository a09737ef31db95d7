import AsyncHTTPClient
import FanoutCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// Posts due webhook deliveries, signed the Standard Webhooks way (and with
/// the same three headers under the `svix-` names the official SDKs read).
/// Each endpoint's deliveries go one at a time, oldest first; endpoints go
/// side by side, and an endpoint with an attempt in flight is not claimed
/// again, so a slow or dead receiver delays only itself. At least once: a
/// delivery is leased while it is attempted, and taken again by any
/// instance if the lease runs out (a crash mid-send).
public struct WebhookSender: Service {
    let store: any WebhookStore
    let clock: any FanoutClock
    let logger: Logger
    let idleDelay: Duration
    /// The body of an event written with its cause (nil: nothing to send).
    let render: @Sendable (DueWebhookDelivery, Date) async throws -> [UInt8]?
    /// How long a receiver has to answer (10 s; tests make it short).
    let timeout: Duration
    let perEndpoint = 4
    /// Longer than an attempt can take: a lease that runs out means its sender is gone.
    static let lease: TimeInterval = 60

    public init(
        store: any WebhookStore, clock: any FanoutClock, logger: Logger, idleDelay: Duration = .milliseconds(250),
        timeout: Duration = .seconds(10), render: @escaping @Sendable (DueWebhookDelivery, Date) async throws -> [UInt8]?
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.idleDelay = idleDelay
        self.timeout = timeout
        self.render = render
    }

    /// A sender for the server: events rendered from `storage` by `mapper`.
    init(
        storage: any FanoutStorage, mapper: WireMapper, environment: String, clock: any FanoutClock, logger: Logger,
        idleDelay: Duration = .milliseconds(250), timeout: Duration = .seconds(10)
    ) {
        let renderer = WebhookRenderer(storage: storage, mapper: mapper, environment: environment)
        self.init(store: storage, clock: clock, logger: logger, idleDelay: idleDelay, timeout: timeout) { try await renderer.body(for: $0, at: $1) }
    }

    public func run() async throws {
        // Its own client: redirects are not followed (a 3xx is a failure), and it ends with the service.
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        await deliver(using: http)
        try await http.shutdown()
    }

    private func deliver(using http: HTTPClient) async {
        let busy = BusyEndpoints()
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                var claimed: [DueWebhookDelivery] = []
                do {
                    let now = clock.now()
                    claimed = try await store.claimDueWebhookDeliveries(
                        at: now, leaseUntil: now.addingTimeInterval(Self.lease), perEndpoint: perEndpoint, limit: 64, excluding: busy.current)
                } catch {
                    if Task.isCancelled { break }  // the group is tearing down (as `LoopingService`)
                    logger.error("webhook claim failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                for (endpoint, deliveries) in Dictionary(grouping: claimed, by: \.endpointID) {
                    busy.insert(endpoint)
                    group.addTask {
                        defer { busy.remove(endpoint) }
                        for delivery in deliveries.sorted(by: { $0.id < $1.id }) {
                            await attempt(delivery, using: http)
                        }
                    }
                }
                if claimed.isEmpty {
                    let delay = idleDelay
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                }
            }
            // Attempts in flight stop now, unrecorded: their leases run out and they are sent again.
            group.cancelAll()
        }
    }

    /// One attempt, and what came of it recorded.
    func attempt(_ delivery: DueWebhookDelivery, using http: HTTPClient) async {
        var delivery = delivery
        if delivery.payload == nil {
            do {
                guard let body = try await render(delivery, clock.now()) else {
                    try await store.recordWebhookAttempt(deliveryID: delivery.id, status: nil, outcome: .failed, at: clock.now())
                    return
                }
                try await store.saveWebhookPayload(deliveryID: delivery.id, payload: body)
                delivery.payload = body
            } catch {
                logger.error("webhook not rendered", metadata: ["delivery": "\(delivery.id)", "error": "\(String(reflecting: error))"])
                return  // its lease runs out and it is tried again
            }
        }
        let (status, retryAfter) = await post(delivery, using: http)
        if Task.isCancelled { return }
        let now = clock.now()
        let outcome: WebhookAttemptOutcome
        switch status {
        case .some(200..<300): outcome = .delivered
        case .some(410): outcome = .endpointGone
        default:
            let asked = status == 429 || status == 503 ? retryAfter : nil
            outcome = WebhookRetrySchedule.nextAttempt(after: delivery.attempts + 1, at: now, asked: asked).map { .retry(at: $0) } ?? .failed
        }
        do {
            try await store.recordWebhookAttempt(deliveryID: delivery.id, status: status, outcome: outcome, at: now)
        } catch {
            logger.error("webhook attempt not recorded", metadata: ["delivery": "\(delivery.id)", "error": "\(String(reflecting: error))"])
        }
    }

    /// The receiver's status (nil: no answer) and its `Retry-After` in seconds.
    func post(_ delivery: DueWebhookDelivery, using http: HTTPClient) async -> (Int?, TimeInterval?) {
        // The signature's timestamp is real time: receivers check it against their own clocks.
        let timestamp = Int(Date().timeIntervalSince1970)
        let payload = delivery.payload ?? []
        let signature = delivery.secret.signature(id: delivery.eventID, timestamp: timestamp, body: payload)
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Fanout-Webhooks/1")
        for prefix in ["webhook", "svix"] {
            request.headers.add(name: "\(prefix)-id", value: delivery.eventID)
            request.headers.add(name: "\(prefix)-timestamp", value: String(timestamp))
            request.headers.add(name: "\(prefix)-signature", value: signature)
        }
        request.body = .bytes(ByteBuffer(bytes: payload))
        do {
            let response = try await http.execute(request, timeout: TimeAmount(timeout), logger: logger)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(TimeInterval.init)
            return (Int(response.status.code), retryAfter)
        } catch {
            logger.info("webhook not delivered", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
            return (nil, nil)
        }
    }
}

/// The endpoints with an attempt in flight.
final class BusyEndpoints: Sendable {
    private let ids = Mutex<Set<Int64>>([])
    var current: Set<Int64> { ids.withLock { $0 } }
    func insert(_ id: Int64) { ids.withLock { _ = $0.insert(id) } }
    func remove(_ id: Int64) { ids.withLock { _ = $0.remove(id) } }
}
