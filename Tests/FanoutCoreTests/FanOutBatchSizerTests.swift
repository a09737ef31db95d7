import FanoutCore
import Testing

@Suite struct FanOutBatchSizerTests {
    @Test func fastBatchesGrowUpToTheMaximumAtMostDoublingEachTime() {
        var sizer = FanOutBatchSizer(initial: 1_000, maximum: 10_000, target: .milliseconds(40))
        sizer.record(size: 1_000, elapsed: .milliseconds(1))
        #expect(sizer.current == 2_000)
        for _ in 0..<10 { sizer.record(size: sizer.current, elapsed: .milliseconds(1)) }
        #expect(sizer.current == 10_000)
    }

    @Test func slowBatchesShrinkToTheTargetAtMostHalvingEachTime() {
        var sizer = FanOutBatchSizer(initial: 8_000, maximum: 100_000, target: .milliseconds(40))
        sizer.record(size: 8_000, elapsed: .milliseconds(50))
        #expect(sizer.current == 6_400)
        sizer.record(size: 6_400, elapsed: .seconds(1))
        #expect(sizer.current == 3_200)
        for _ in 0..<20 { sizer.record(size: sizer.current, elapsed: .seconds(1)) }
        #expect(sizer.current == 100, "never below the minimum")
    }

    @Test func aShortLastBatchTeachesNothing() {
        var sizer = FanOutBatchSizer(initial: 1_000, maximum: 10_000, target: .milliseconds(40))
        sizer.record(size: 10, elapsed: .microseconds(10))
        #expect(sizer.current == 1_000)
    }

    @Test func aFixedSizeNeverMoves() {
        var sizer = FanOutBatchSizer.fixed(50)
        sizer.record(size: 50, elapsed: .nanoseconds(1))
        sizer.record(size: 50, elapsed: .seconds(10))
        #expect(sizer.current == 50)
    }
}
