import Synchronization

/// Delivers queued mass messages, one batch (one transaction) at a time, each
/// batch sized by a `FanOutBatchSizer`. A Service calls `deliverBatch` in a
/// loop; tests call `drain`.
public final class FanOutWorker: Sendable {
    let store: any FanOutStore
    let clock: any FanoutClock
    private let sizer: Mutex<FanOutBatchSizer>

    public init(store: any FanOutStore, clock: any FanoutClock, sizer: FanOutBatchSizer) {
        self.store = store
        self.clock = clock
        self.sizer = Mutex(sizer)
    }

    /// Batches of exactly `batchSize` recipients.
    public convenience init(store: any FanOutStore, clock: any FanoutClock, batchSize: Int = 1_000) {
        self.init(store: store, clock: clock, sizer: .fixed(batchSize))
    }

    /// The size the next batch will take.
    public var nextBatchSize: Int { sizer.withLock { $0.current } }

    /// One batch; the number of recipients handled (0: nothing queued).
    public func deliverBatch() async throws -> Int {
        let limit = nextBatchSize
        let start = ContinuousClock.now
        let handled = try await store.deliverNextBatch(limit: limit, at: clock.now())
        let elapsed = ContinuousClock.now - start
        sizer.withLock { $0.record(size: handled, elapsed: elapsed) }
        return handled
    }

    /// Batches until nothing is queued; the number of recipients handled.
    @discardableResult
    public func drain() async throws -> Int {
        var handled = 0
        while case let count = try await deliverBatch(), count > 0 { handled += count }
        return handled
    }
}

/// Starts scheduled mass messages when their date comes.
public struct MassMessageScheduler: Sendable {
    let store: any FanOutStore
    let clock: any FanoutClock

    public init(store: any FanOutStore, clock: any FanoutClock) {
        self.store = store
        self.clock = clock
    }

    /// Starts every mass message due now; how many it started.
    @discardableResult
    public func tick() async throws -> Int {
        try await store.startDueMassMessages(at: clock.now())
    }
}
