/// An amount in cents: prices are exact, never floating point, until the wire.
public struct Money: Sendable, Equatable, Hashable, Comparable, Codable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)
    public var isZero: Bool { cents == 0 }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// "9.99", "5" (whole amounts without decimals), "0" when free.
    public var decimalString: String {
        let whole = cents / 100
        let fraction = cents % 100
        if fraction == 0 { return String(whole) }
        return "\(whole)." + (fraction < 10 ? "0\(fraction)" : String(fraction))
    }

    public var doubleValue: Double { Double(cents) / 100 }
}
