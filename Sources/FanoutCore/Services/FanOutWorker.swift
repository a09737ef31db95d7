import Foundation
import Synchronization

/// Delivers queued mass messages, one batch (one transaction) at a time, each
/// batch sized by a `FanOutBatchSizer`. A Service calls `deliverBatch` in a
/// loop; tests call `drain`.
public final class FanOutWorker: Sendable {
    let store: any FanOutStore
    let clock: any CreatorClock
    private let sizer: Mutex<FanOutBatchSizer>
    /// Told how many recipients each batch delivered to (metrics).
    let delivered: @Sendable (Int) -> Void

    public init(
        store: any FanOutStore, clock: any CreatorClock, sizer: FanOutBatchSizer, delivered: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.store = store
        self.clock = clock
        self.sizer = Mutex(sizer)
        self.delivered = delivered
    }

    /// Batches of exactly `batchSize` recipients.
    public convenience init(store: any FanOutStore, clock: any CreatorClock, batchSize: Int = 1_000) {
        self.init(store: store, clock: clock, sizer: .fixed(batchSize))
    }

    /// The size the next batch will take.
    public var nextBatchSize: Int { sizer.withLock { $0.current } }

    /// One batch; the number of recipients handled (0: nothing queued; at
    /// least 1 when the batch did anything, to keep a loop going).
    public func deliverBatch() async throws -> Int {
        let limit = nextBatchSize
        let start = ContinuousClock.now
        let clock = self.clock
        guard let count = try await store.deliverNextBatch(limit: limit, at: { clock.now(creatorID: $0) }) else { return 0 }
        let elapsed = ContinuousClock.now - start
        sizer.withLock { $0.record(size: max(count, 1), elapsed: elapsed) }
        delivered(count)
        return max(count, 1)
    }

    /// Batches until nothing is queued; the number of recipients handled.
    @discardableResult
    public func drain() async throws -> Int {
        var handled = 0
        while case let count = try await deliverBatch(), count > 0 { handled += count }
        return handled
    }
}

/// Starts scheduled mass messages when their date comes, each by its
/// creator's clock.
public struct MassMessageScheduler: Sendable {
    let store: any FanOutStore
    let clock: any CreatorClock
    /// Told how late each started one was: now minus its scheduled date (metrics).
    let lateness: @Sendable ([TimeInterval]) -> Void

    public init(store: any FanOutStore, clock: any CreatorClock, lateness: @escaping @Sendable ([TimeInterval]) -> Void = { _ in }) {
        self.store = store
        self.clock = clock
        self.lateness = lateness
    }

    /// Starts every mass message due now; how many it started. A creator
    /// whose clock is ahead has its own pass at its own now; everyone else's
    /// are due by the base time (clocks only move forward, so nothing due at
    /// the base time is early for anyone).
    @discardableResult
    public func tick() async throws -> Int {
        var lateness: [TimeInterval] = []
        let ahead = clock.creatorsAhead()
        for (creatorID, now) in ahead {
            let started = try await store.startDueMassMessages(at: now, of: .only(creatorID))
            lateness += started.map { max(0, now.timeIntervalSince($0)) }
        }
        let now = clock.baseNow()
        let started = try await store.startDueMassMessages(at: now, of: .allBut(Set(ahead.keys)))
        lateness += started.map { max(0, now.timeIntervalSince($0)) }
        if !lateness.isEmpty { self.lateness(lateness) }
        return lateness.count
    }
}
