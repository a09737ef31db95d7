import FanoutCore
import Foundation
import Testing

/// The earnings rules without storage: the platform's share, the chart's
/// days and months, what recording and charging back change.
@Suite struct EarningRulesTests {
    @Test func theFeeIsAFifthRoundedDownAndTheNetTheRest() {
        #expect(EarningSplit(gross: Money(cents: 1_250)).fee == Money(cents: 250))
        #expect(EarningSplit(gross: Money(cents: 999)).fee == Money(cents: 199))
        #expect(EarningSplit(gross: Money(cents: 999)).net == Money(cents: 800))
        #expect(EarningSplit(gross: Money(cents: 4)).fee == .zero && EarningSplit(gross: Money(cents: 4)).net == Money(cents: 4))
        #expect(EarningSplit(gross: Money(cents: Int64.max)).net.cents > 0, "no overflow at the top")
    }

    @Test func theChartLaysDaysOverTheRangeAndSumsMonthsWithoutOverflow() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
        let range = try DayRange(start: start, end: start.addingTimeInterval(15 * 86_400))
        let days = [
            EarningDay(day: "2026-09-22", gross: Money(cents: 1_000), net: Money(cents: 800)),
            EarningDay(day: "2026-10-02", gross: Money(cents: 500), net: Money(cents: 400)),
        ]
        let daily = try #require(EarningChart.make(range: range, days: days, monthly: false))
        #expect(daily.points.count == 16 && daily.points[1].net == Money(cents: 800) && daily.points[0].net == .zero)
        #expect(daily.total == Money(cents: 1_200) && daily.gross == Money(cents: 1_500))
        let monthly = try #require(EarningChart.make(range: range, days: days, monthly: true))
        #expect(monthly.points.map(\.date) == ["2026-09-01", "2026-10-01"])
        #expect(monthly.points.map(\.net) == [Money(cents: 800), Money(cents: 400)])
        let huge = [
            EarningDay(day: "2026-09-21", gross: Money(cents: Int64.max), net: Money(cents: Int64.max)),
            EarningDay(day: "2026-09-22", gross: Money(cents: 1), net: Money(cents: 1)),
        ]
        #expect(EarningChart.make(range: range, days: huge, monthly: false) == nil, "a sum past Int64 is refused, not trapped")
    }

    @Test func recordingWritesOneLedgerRowAndAChargebackTakesTheSpendBack() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(EarningRecorded(creatorID: 1, fanID: 2, kind: .tip, sourceID: 40, amount: Money(cents: 500), at: now).effects == [
            .earn(creatorID: 1, fanID: 2, kind: .tip, sourceID: 40, amountCents: 500, at: now),
        ])
        #expect(EarningChargedBack(chatID: 3, kind: .tip, amount: Money(cents: 500)).effects == [
            .chat(ChatSummaryChange(chatID: 3, tipsCents: -500, spentCents: -500)),
        ])
        #expect(EarningChargedBack(chatID: 3, kind: .message, amount: Money(cents: 999)).effects == [
            .chat(ChatSummaryChange(chatID: 3, spentCents: -999)),
        ])
        #expect(EarningChargedBack(chatID: nil, kind: .tip, amount: Money(cents: 500)).effects.isEmpty)
        #expect(EarningChargedBack(chatID: 3, kind: .tip, amount: Money(cents: Int64.min)).effects.isEmpty, "a stored amount is never negated past Int64")
    }
}
