import Foundation

/// Where a shared sandbox clock keeps its offset (seconds ahead of real time),
/// for backends that several instances share.
public protocol SandboxClockStore: Sendable {
    func clockOffset() async throws -> TimeInterval
    /// Adds `seconds` in one atomic step; returns the new offset.
    func advanceClockOffset(by seconds: TimeInterval) async throws -> TimeInterval
}
