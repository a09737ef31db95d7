import Foundation
import Synchronization

/// Where real time comes from: rate limits, sessions, idempotency expiry,
/// the auth cache, organization-level records. Injected so that tests need
/// not wait. A creator's own time (which the sandbox can move) is a
/// `CreatorClock`.
public protocol FanoutClock: Sendable {
    func now() -> Date
}

/// The real time, the same for every creator.
public struct SystemClock: FanoutClock, CreatorClock {
    public init() {}
    public func now() -> Date { Date() }
    public func now(creatorID: Int64) -> Date { Date() }
    public func baseNow() -> Date { Date() }
    public func creatorsAhead() -> [Int64: Date] { [:] }
}

/// A clock that only moves when told to (tests): one time for every
/// creator, so advancing it moves every creator's clock and real time alike.
public final class ManualClock: FanoutClock, AdjustableCreatorClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        current.withLock { $0 = $0.addingTimeInterval(seconds); return $0 }
    }

    public func now(creatorID: Int64) -> Date { now() }
    public func baseNow() -> Date { now() }
    public func creatorsAhead() -> [Int64: Date] { [:] }

    @discardableResult
    public func advance(creatorID: Int64, by seconds: TimeInterval) -> Date { advance(by: seconds) }
}
