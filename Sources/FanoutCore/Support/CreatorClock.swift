import Foundation

/// A creator's time. The sandbox gives each creator a clock of its own (as
/// Stripe's test clocks belong to objects): its scheduled sends, unsend and
/// cancel windows, message dates and webhook retries follow it, and moving
/// it moves nobody else's time.
public protocol CreatorClock: Sendable {
    /// Now, as `creatorID`'s clock shows it.
    func now(creatorID: Int64) -> Date
    /// The time of every creator whose clock was never moved (real time,
    /// unless a test says otherwise). Clocks only move forward, so every
    /// creator's now is at least this.
    func baseNow() -> Date
    /// The creators whose clock is ahead of `baseNow()`, with their now:
    /// time-based work (the scheduler, webhook retries) runs for each of
    /// them at its own time, and for everyone else at `baseNow()`.
    func creatorsAhead() -> [Int64: Date]
}

/// A creator clock the sandbox can move forward (on storage, for every
/// instance: hence async).
public protocol AdjustableCreatorClock: CreatorClock {
    /// Moves `creatorID`'s clock forward by `seconds`; its new now.
    @discardableResult func advance(creatorID: Int64, by seconds: TimeInterval) async throws -> Date
}

/// Which creators' rows a time-based query takes: one creator (at its own
/// clock), or every creator but those whose clocks are ahead (at base time).
public enum CreatorScope: Sendable, Equatable {
    case only(Int64)
    case allBut(Set<Int64>)

    public static let all = CreatorScope.allBut([])
}
