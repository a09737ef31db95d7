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

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}
