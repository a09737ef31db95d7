import Foundation

public struct AnalyticsService: Sendable {
    let store: any AnalyticsStore & MassMessageStore
    let clock: any CreatorClock

    public init(store: any AnalyticsStore & MassMessageStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await store.purchasedMassMessages(creatorID: creatorID, page: page)
    }

    /// Mass messages sent in the range (default: the last 30 days), newest first.
    public func sentMassMessages(creatorID: Int64, range: DayRange?, limit: Int) async throws -> Page<MassMessage> {
        let range = range ?? .lastThirtyDays(now: clock.now(creatorID: creatorID))
        return try await store.sentMassMessages(
            creatorID: creatorID, from: range.start, to: range.end.addingTimeInterval(86_400), limit: limit)
    }

    /// The four daily series over the range (default: the last 30 days).
    public func chart(creatorID: Int64, range: DayRange?) async throws -> [ActivityKind: ActivitySeries] {
        let range = range ?? .lastThirtyDays(now: clock.now(creatorID: creatorID))
        let previousDays = range.previous.days
        var result: [ActivityKind: ActivitySeries] = [:]
        for kind in ActivityKind.allCases {
            let days = range.days
            let tallies = try await store.dailyActivity(creatorID: creatorID, kind: kind, days: previousDays[0]...days[days.count - 1])
            let points = days.map { (day: $0, count: tallies[$0]?.count ?? 0) }
            let total = points.reduce(0) { $0 + $1.count }
            let before = previousDays.reduce(0) { $0 + (tallies[$1]?.count ?? 0) }
            let gross = days.reduce(Int64(0)) { $0 + (tallies[$1]?.grossCents ?? 0) }
            result[kind] = ActivitySeries(points: points, total: total, delta: total - before, gross: Money(cents: gross))
        }
        return result
    }

    /// Buyers of one of the creator's mass messages, marker-paged.
    public func buyers(massMessageID: Int64, creatorID: Int64, before marker: Int64?, page: PageRequest) async throws -> Page<(marker: Int64, user: UserProfile)> {
        guard try await store.massMessage(id: massMessageID, creatorID: creatorID) != nil else {
            throw FanoutError.notFound("Mass message \(massMessageID) not found")
        }
        return try await store.buyers(massMessageID: massMessageID, before: marker, page: page)
    }
}
