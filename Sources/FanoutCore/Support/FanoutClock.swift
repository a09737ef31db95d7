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

/// A clock the sandbox can move forward (on a shared clock, for every
/// instance: hence async).
public protocol AdjustableClock: FanoutClock {
    @discardableResult func advance(by seconds: TimeInterval) async throws -> Date
}

/// The sandbox clock of several instances on one database: real time plus
/// an offset kept in storage. Each instance reads the offset when it starts
/// and on every `refresh` (the server does so 4 times a second); an advance
/// is written to storage first. The offset only grows, so a stale read
/// never moves time back.
public final class SharedOffsetClock: AdjustableClock {
    private let offset = Mutex<TimeInterval>(0)
    private let store: any SandboxClockStore

    public init(store: any SandboxClockStore) { self.store = store }

    public func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    @discardableResult
    public func advance(by seconds: TimeInterval) async throws -> Date {
        adopt(try await store.advanceClockOffset(by: max(0, seconds)))
        return now()
    }

    /// Takes up what another instance advanced.
    public func refresh() async throws { adopt(try await store.clockOffset()) }

    private func adopt(_ stored: TimeInterval) { offset.withLock { $0 = max($0, stored) } }
}

extension OffsetClock: AdjustableClock {}
extension ManualClock: AdjustableClock {
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        set(now().addingTimeInterval(seconds))
        return now()
    }
}
