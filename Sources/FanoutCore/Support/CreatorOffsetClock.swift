import Foundation
import Synchronization

/// The sandbox's clocks: a base clock (real time) plus, for each creator
/// whose clock was moved, an offset that only grows. Offsets are kept in
/// storage (so every instance and a restart see them); each instance reads
/// them when told to `refresh` (the server does so 4 times a second), and an
/// advance is written to storage first. A stale read never moves time back.
public final class CreatorOffsetClock: AdjustableCreatorClock {
    /// How far ahead of real time a creator's clock may go (ten years): far
    /// enough for any test of schedules and windows, near enough that no
    /// date built from it leaves what the databases and encoders accept.
    public static let maximumOffset: TimeInterval = 3_660 * 86_400

    private let base: any FanoutClock
    private let store: (any CreatorClockStore)?
    private let offsets = Mutex<[Int64: TimeInterval]>([:])

    /// `store` nil: offsets live in this process only.
    public init(base: any FanoutClock = SystemClock(), store: (any CreatorClockStore)?) {
        self.base = base
        self.store = store
    }

    public func now(creatorID: Int64) -> Date {
        base.now().addingTimeInterval(offsets.withLock { $0[creatorID] ?? 0 })
    }

    public func baseNow() -> Date { base.now() }

    public func creatorsAhead() -> [Int64: Date] {
        let now = base.now()
        return offsets.withLock { $0.mapValues { now.addingTimeInterval($0) } }
    }

    @discardableResult
    public func advance(creatorID: Int64, by seconds: TimeInterval) async throws -> Date {
        guard seconds.isFinite, seconds > 0 else {
            throw FanoutError.badRequest("seconds must be more than 0", field: "seconds")
        }
        var offset: TimeInterval?
        if seconds > Self.maximumOffset {
            offset = nil
        } else if let store {
            offset = try await store.advanceCreatorClock(creatorID: creatorID, by: seconds, upTo: Self.maximumOffset)
        } else {
            offset = offsets.withLock { offsets -> TimeInterval? in
                let next = (offsets[creatorID] ?? 0) + seconds
                return next <= Self.maximumOffset ? next : nil
            }
        }
        guard let offset else {
            throw FanoutError.badRequest(
                "A creator's sandbox clock can be at most \(Int(Self.maximumOffset / 86_400)) days ahead of real time",
                field: "seconds")
        }
        adopt([creatorID: offset])
        return now(creatorID: creatorID)
    }

    /// Takes up what other instances advanced.
    public func refresh() async throws {
        guard let store else { return }
        adopt(try await store.creatorClockOffsets())
    }

    /// Stored offsets are outside values: only finite ones within the
    /// bound are taken, and an offset never shrinks.
    private func adopt(_ stored: [Int64: TimeInterval]) {
        offsets.withLock { offsets in
            for (creatorID, offset) in stored where offset.isFinite && offset > 0 {
                offsets[creatorID] = max(offsets[creatorID] ?? 0, min(offset, Self.maximumOffset))
            }
        }
    }
}
