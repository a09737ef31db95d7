import Foundation
import Synchronization

/// Where the domain reads time from. Injected so that windows, schedules and
/// the sandbox's clock control are testable without waiting.
public protocol FanoutClock: Sendable {
    func now() -> Date
}

/// The real time.
public struct SystemClock: FanoutClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to (tests, sandbox time travel).
public final class ManualClock: FanoutClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}

/// Real time plus an offset that only grows: the sandbox's clock control
/// moves a running server forward (scheduled sends, unsend windows)
/// without waiting.
public final class OffsetClock: FanoutClock {
    private let offset = Mutex<TimeInterval>(0)

    public init() {}

    public func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// Moves the clock forward by `seconds` (> 0) and returns the new now.
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        offset.withLock { $0 += max(0, seconds) }
        return now()
    }
}

/// A clock the sandbox can move forward.
public protocol AdjustableClock: FanoutClock {
    @discardableResult func advance(by seconds: TimeInterval) -> Date
}

extension OffsetClock: AdjustableClock {}
extension ManualClock: AdjustableClock {
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        set(now().addingTimeInterval(seconds))
        return now()
    }
}
