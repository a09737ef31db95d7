import FanoutCore
import Foundation
import Testing

@Suite struct DeliveryDateTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aBatchInTheSecondTheSendStartedStoresNoDate() {
        #expect(DeliveryDate.stored(deliveredAt: Self.start, sendingSince: Self.start) == nil)
        #expect(DeliveryDate.stored(deliveredAt: Self.start.addingTimeInterval(0.999), sendingSince: Self.start) == nil)
        #expect(DeliveryDate.stored(deliveredAt: Self.start.addingTimeInterval(-30), sendingSince: Self.start) == nil, "a clock behind the start")
    }

    @Test func aBatchOfALaterSecondStoresWhenItWasWrittenHoweverSoon() {
        let late = Self.start.addingTimeInterval(0.9)
        let nextSecond = Self.start.addingTimeInterval(1.1)
        #expect(DeliveryDate.stored(deliveredAt: nextSecond, sendingSince: late) == nextSecond, "0.2 s later, but a second that shows apart")
        let hours = Self.start.addingTimeInterval(7200)
        #expect(DeliveryDate.stored(deliveredAt: hours, sendingSince: Self.start) == hours)
        #expect(DeliveryDate.stored(deliveredAt: hours, sendingSince: nil) == hours)
    }
}
