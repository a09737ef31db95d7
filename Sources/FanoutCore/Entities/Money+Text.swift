extension Money {
    /// An amount in dollars as a person types it: digits, then optionally a
    /// point and one or two digits ("5", "4.5", "4.50"); nil otherwise. Any
    /// number of digits is read without overflow: an amount past what cents
    /// in 64 bits hold reads as `Int64.max` cents, which every maximum refuses.
    public init?(dollars text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard digits(parts[0]), parts.count == 1 || (digits(parts[1]) && parts[1].utf8.count <= 2) else { return nil }
        var cents: Int64 = 0
        var overflow = false
        for byte in parts[0].utf8 {
            let (times10, o1) = cents.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte - 48))
            overflow = overflow || o1 || o2
            cents = sum
        }
        let fraction = parts.count == 2 ? Array(parts[1].utf8) : []
        let fractionCents = Int64(fraction.first.map { $0 - 48 } ?? 0) * 10 + Int64(fraction.count == 2 ? fraction[1] - 48 : 0)
        let (hundreds, o3) = cents.multipliedReportingOverflow(by: 100)
        let (total, o4) = hundreds.addingReportingOverflow(fractionCents)
        self.init(cents: overflow || o3 || o4 ? .max : total)
    }
}
