import Foundation

/// Where the sandbox keeps each creator's clock: how many seconds it is
/// ahead of real time (no row: not moved).
public protocol CreatorClockStore: Sendable {
    /// Every creator whose clock was moved, with its offset.
    func creatorClockOffsets() async throws -> [Int64: TimeInterval]
    /// Adds `seconds` to the creator's offset in one atomic step; the new
    /// offset, or nil (nothing changed) when it would pass `maximum`.
    func advanceCreatorClock(creatorID: Int64, by seconds: TimeInterval, upTo maximum: TimeInterval) async throws -> TimeInterval?
}
