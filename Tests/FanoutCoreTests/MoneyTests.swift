import FanoutCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [(999, "9.99"), (500, "5"), (5, "0.05"), (0, "0"), (12_345, "123.45"), (1_010, "10.10")])
    func decimalStringIsExact(cents: Int64, expected: String) {
        #expect(Money(cents: cents).decimalString == expected)
    }
}
