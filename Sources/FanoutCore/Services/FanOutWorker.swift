/// Delivers queued mass messages, one batch (one transaction) at a time.
/// A Service calls `deliverBatch` in a loop; tests call `drain`.
public struct FanOutWorker: Sendable {
    let store: any FanOutStore
    let clock: any FanoutClock
    public let batchSize: Int

    public init(store: any FanOutStore, clock: any FanoutClock, batchSize: Int = 1_000) {
        self.store = store
        self.clock = clock
        self.batchSize = batchSize
    }

    /// One batch; the number of recipients handled (0: nothing queued).
    public func deliverBatch() async throws -> Int {
        try await store.deliverNextBatch(limit: batchSize, at: clock.now())
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
