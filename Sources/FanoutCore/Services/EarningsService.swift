import Foundation

/// A creator's earnings: transactions, the chart, chargebacks.
public struct EarningsService: Sendable {
    let store: any EarningStore
    let clock: any CreatorClock

    public init(store: any EarningStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func now(creatorID: Int64) -> Date { clock.now(creatorID: creatorID) }

    public func transactions(creatorID: Int64, query: EarningQuery) async throws -> Page<Earning> {
        if query.kinds.isEmpty { return Page(items: [], hasMore: false) }
        return try await store.earnings(creatorID: creatorID, query: query)
    }

    public func chart(creatorID: Int64, kinds: [Earning.Kind], days: DayRange, monthly: Bool) async throws -> EarningChart {
        let rows = kinds.isEmpty ? [] : try await store.earningDays(creatorID: creatorID, kinds: kinds, days: days)
        guard let chart = EarningChart.make(range: days, days: rows, monthly: monthly) else {
            throw FanoutError.badRequest("The earnings in this range add up past what can be counted", field: "startDate")
        }
        return chart
    }

    public func chargebacks(creatorID: Int64, query: ChargebackQuery) async throws -> Page<Chargeback> {
        try await store.chargebacks(creatorID: creatorID, query: query)
    }

    /// The sandbox's bank takes earning `id` back.
    public func chargeBack(earningID: Int64, creatorID: Int64) async throws -> Chargeback {
        switch try await store.chargeBack(earningID: earningID, creatorID: creatorID, at: clock.now(creatorID: creatorID)) {
        case .chargedBack(let chargeback): return chargeback
        case .alreadyChargedBack:
            throw FanoutError.badRequest("transactionId \(earningID) is already charged back", field: "transactionId")
        case .notFound: throw FanoutError.notFound("Transaction \(earningID) not found")
        }
    }
}
