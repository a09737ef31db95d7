import Foundation

/// A creator's earnings ledger: tips and paid messages as fans paid them,
/// and chargebacks.
public protocol EarningStore: Sendable {
    /// One page (+1) of `query`, newest first (by id, which follows time).
    func earnings(creatorID: Int64, query: EarningQuery) async throws -> Page<Earning>
    /// Gross and net per UTC day within `days` of the earnings of `kinds`
    /// still standing (charged-back ones left out); days without any absent.
    func earningDays(creatorID: Int64, kinds: [Earning.Kind], days: DayRange) async throws -> [EarningDay]
    /// One page (+1) of chargebacks, newest first.
    func chargebacks(creatorID: Int64, query: ChargebackQuery) async throws -> Page<Chargeback>
    /// Charges earning `earningID` of the creator back in one transaction:
    /// the earning is marked, and what the fan spent in the chat drops by it.
    func chargeBack(earningID: Int64, creatorID: Int64, at now: Date) async throws -> ChargebackOutcome
}
