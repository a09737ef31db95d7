/// The platform's share of an earning: 20 % of the gross, rounded down to
/// the cent, per earning (so sums of nets are sums of each net, to the cent);
/// no VAT or tax in the sandbox.
public struct EarningSplit: Sendable, Equatable {
    /// The fee is `gross / feeDivisor` in whole cents; SQL sums spell the same rule.
    public static let feeDivisor: Int64 = 5

    public var gross: Money
    public var fee: Money { Money(cents: max(0, gross.cents) / Self.feeDivisor) }
    public var net: Money { Money(cents: gross.cents - fee.cents) }

    public init(gross: Money) { self.gross = gross }
}

extension Money {
    /// The sum, nil past Int64 (stored amounts are outside values).
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: sum)
    }
}
