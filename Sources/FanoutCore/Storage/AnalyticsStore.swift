import Foundation

/// Read models for the analytics endpoints. Every number they return is kept
/// on write (counters, daily tallies), not recomputed from raw events.
public protocol AnalyticsStore: Sendable {
    /// Mass messages with at least one purchase, newest first.
    func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage>
    /// Mass messages sent in [from, to), newest first.
    func sentMassMessages(creatorID: Int64, from: Date, to: Date, limit: Int) async throws -> Page<MassMessage>
    /// The daily tallies of one kind, by day key ("2026-11-22"); days without activity are absent.
    func dailyActivity(creatorID: Int64, kind: ActivityKind, days: ClosedRange<String>) async throws -> [String: (count: Int, grossCents: Int64)]
    /// Who bought a mass message, most recent purchase first, from before
    /// purchase `marker` when given. `marker` of each is its purchase id.
    func buyers(massMessageID: Int64, before marker: Int64?, page: PageRequest) async throws -> Page<(marker: Int64, user: UserProfile)>
    /// One purchase of the creator's, with its buyer; nil when there is none.
    func purchase(id: Int64, creatorID: Int64) async throws -> Purchase?
}
