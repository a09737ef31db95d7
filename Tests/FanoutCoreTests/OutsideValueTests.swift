import FanoutCore
import Foundation
import Testing

/// Values from outside (typed amounts, a flag, a row, the clock) that once
/// reached a trapping `*`, `+` or `Int(Double)`: each now reads as a value or
/// as nothing, and the process lives.
@Suite struct OutsideValueTests {
    @Test(arguments: [("5", 500), ("4.5", 450), ("4.50", 450), ("0.05", 5), ("0", 0), ("007", 700)] as [(String, Int64)])
    func dollarsAreReadExactly(text: String, cents: Int64) {
        #expect(Money(dollars: text) == Money(cents: cents))
    }

    @Test(arguments: ["", "lots", "4.505", ".5", "5.", "+5", "-5", "1.2.3", "1e3", " 5", "５"])
    func anythingElseIsNotAnAmount(text: String) {
        #expect(Money(dollars: text) == nil)
    }

    @Test(arguments: ["99999999999999999", "92233720368547758.07", "9223372036854775807", String(repeating: "9", count: 400) + ".99"])
    func amountsPastWhat64BitCentsHoldAreTheLargestAmountNotATrap(text: String) {
        // Issue 29, item 2: `whole * 100` on 99999999999999999 stopped the server.
        #expect(Money(dollars: text) == Money(cents: .max))
    }

    @Test func aRateLimitIsRefusedPastABillion() {
        #expect(RateLimit(parsing: "60/90") == RateLimit(perMinute: 60, burst: 90))
        #expect(RateLimit(parsing: "1000000000/1000000000") != nil)
        #expect(RateLimit(parsing: "1/9223372036854775807") == nil, "seconds to refill would not fit an Int")
        #expect(RateLimit(parsing: "1000000001/1") == nil && RateLimit(parsing: "0/5") == nil)
    }

    @Test func aSharedBucketsStoredTokensAreReadWithinTheBurst() {
        let limit = RateLimit(perMinute: 1, burst: 1_000_000_000)
        for stored in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            let decision = TokenBucket.decision(limit: limit, allowed: false, tokensAfter: stored)
            #expect((0...limit.burst).contains(decision.remaining) && decision.resetSeconds >= 0 && decision.retryAfterSeconds >= 1)
        }
    }

    @Test func secondsLeftToUnsendNeverExceedTheWindowWhateverTheDates() {
        let policy = MessagingPolicy()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        // Sent under a sandbox clock centuries ahead, read with the real clock.
        let ahead = now.addingTimeInterval(1e300)
        #expect(policy.unsendSeconds(state: .sent, sentAt: ahead, now: now) == Int(policy.unsendWindow))
        #expect(policy.unsendSeconds(state: .sent, sentAt: now.addingTimeInterval(-60), now: now) == Int(policy.unsendWindow) - 60)
        #expect(policy.unsendSeconds(state: .sent, sentAt: .distantPast, now: now) == 0)
    }
}
