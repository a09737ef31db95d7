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
    /// A delivery's times (due, lease, retries) are on the clock of its
    /// event's creator; events of no creator (tests) on the base time.
    let clock: any CreatorClock
    let logger: Logger
    let idleDelay: Duration
    /// The body of an event written with its cause (nil: nothing to send).
    let render: @Sendable (DueWebhookDelivery, Date) async throws -> [UInt8]?
    /// The whole of an attempt: resolving, connecting, sending, the
    /// response's head and body (10 s; tests make it short).
    let timeout: Duration
    /// Where attempts may connect (checked on the resolved addresses).
    var destinations: WebhookDestinationResolver
    let perEndpoint = 4
    /// Longer than an attempt can take: a lease that runs out means its sender is gone.
    static let lease: TimeInterval = 60
    /// The most of a response body read; the rest is not waited for.
    static let maxResponseBytes = 64 * 1024

    public init(
        store: any WebhookStore, clock: any CreatorClock, logger: Logger, destinations: WebhookDestinationPolicy,
        idleDelay: Duration = .milliseconds(250), timeout: Duration = .seconds(10),
        render: @escaping @Sendable (DueWebhookDelivery, Date) async throws -> [UInt8]?
    ) {
        self.destinations = WebhookDestinationResolver(policy: destinations)
        self.store = store
        self.clock = clock
        self.logger = logger
        self.idleDelay = idleDelay
        self.timeout = timeout
        self.render = render
    }

    /// A sender for the server: events rendered from `storage` by `mapper`.
    init(
        storage: any FanoutStorage, mapper: WireMapper, environment: String, clock: any CreatorClock, logger: Logger,
        destinations: WebhookDestinationPolicy, idleDelay: Duration = .milliseconds(250), timeout: Duration = .seconds(10)
    ) {
        let renderer = WebhookRenderer(storage: storage, mapper: mapper, environment: environment)
        self.init(
            store: storage, clock: clock, logger: logger, destinations: destinations, idleDelay: idleDelay, timeout: timeout
        ) { try await renderer.body(for: $0, at: $1) }
    }

    public func run() async throws {
        await deliver()
    }

    private func deliver() async {
        let busy = BusyEndpoints()
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                var claimed: [(delivery: DueWebhookDelivery, creatorID: Int64?)] = []
                do {
                    // Each creator whose clock is ahead at its own now, then everyone else at the base time.
                    let ahead = clock.creatorsAhead()
                    var passes: [(CreatorScope, Int64?, Date)] = ahead.map { (.only($0.key), $0.key, $0.value) }
                    passes.append((.allBut(Set(ahead.keys)), nil, clock.baseNow()))
                    var excluded = busy.current
                    for (scope, creatorID, now) in passes {
                        let due = try await store.claimDueWebhookDeliveries(
                            at: now, leaseUntil: now.addingTimeInterval(Self.lease), perEndpoint: perEndpoint, limit: 64,
                            excluding: excluded, of: scope)
                        claimed += due.map { ($0, creatorID) }
                        excluded.formUnion(due.map(\.endpointID))
                    }
                } catch {
                    if Task.isCancelled { break }  // the group is tearing down (as `LoopingService`)
                    logger.error("webhook claim failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                for (endpoint, deliveries) in Dictionary(grouping: claimed, by: \.delivery.endpointID) {
                    busy.insert(endpoint)
                    group.addTask {
                        defer { busy.remove(endpoint) }
                        for (delivery, creatorID) in deliveries.sorted(by: { $0.delivery.id < $1.delivery.id }) {
                            await attempt(delivery, creatorID: creatorID)
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
    func attempt(_ delivery: DueWebhookDelivery, creatorID: Int64?) async {
        let clock = DeliveryClock(clock: clock, creatorID: creatorID)
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
        let (status, retryAfter) = await post(delivery)
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

    /// The receiver's status (nil: no answer, none in time, or a refused
    /// destination) and its `Retry-After` in seconds.
    func post(_ delivery: DueWebhookDelivery) async -> (Int?, TimeInterval?) {
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
            let deadline = NIODeadline.now() + TimeAmount(timeout)
            return try await Self.within(timeout) { [destinations, logger, request] in
                let pinned = try await destinations.resolve(delivery.url)
                // A client per attempt, pinned to the address just checked:
                // `dnsOverride` keeps the URL's host for the Host header, SNI
                // and certificate verification (rewriting the URL to the IP
                // would lose them for https). Redirects are not followed (a 3xx
                // is a failure, and its Location was never checked). Shut down
                // after the attempt: nothing of it outlives the deadline.
                var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
                configuration.dnsOverride = [pinned.host: pinned.address.description]
                let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
                do {
                    let response = try await http.execute(request, deadline: deadline, logger: logger)
                    // At most 64 KiB read, the rest left unread (the client's shutdown closes the connection).
                    var read = 0
                    for try await chunk in response.body {
                        read = read.addingReportingOverflow(chunk.readableBytes).partialValue
                        if read >= Self.maxResponseBytes { break }
                    }
                    try? await http.shutdown()
                    // Seconds or an HTTP-date, clamped to a day: the receiver's word is outside input.
                    let retryAfter = response.headers.first(name: "Retry-After").flatMap { WebhookRetrySchedule.retryAfter($0, now: Date()) }
                    return (Int(response.status.code), retryAfter)
                } catch {
                    try? await http.shutdown()
                    throw error
                }
            }
        } catch let refused as WebhookDestinationResolver.Refused {
            logger.warning("webhook destination refused", metadata: ["delivery": "\(delivery.id)", "error": "\(refused)"])
            return (nil, nil)
        } catch {
            logger.info("webhook not delivered", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
            return (nil, nil)
        }
    }

    /// No complete answer within the attempt's deadline.
    struct TimedOut: Error, CustomStringConvertible {
        let timeout: Duration
        var description: String { "no complete answer within \(timeout)" }
    }

    /// `work`'s result, or `TimedOut` once `timeout` has passed (`work` is
    /// cancelled then: the HTTP client and the lookup both stop on it).
    static func within<T: Sendable>(_ timeout: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut(timeout: timeout) }
            return value
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

/// The clock one delivery's times are on: its creator's, or the base time.
private struct DeliveryClock {
    let clock: any CreatorClock
    let creatorID: Int64?

    func now() -> Date { creatorID.map { clock.now(creatorID: $0) } ?? clock.baseNow() }
}
