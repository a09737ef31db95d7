import FanoutCore
import Foundation
import Testing

@Suite struct WebhookRetryScheduleTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func retriesFollowTheStandardWebhooksScheduleThenStop() {
        let expected: [TimeInterval] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400]
        for (index, delay) in expected.enumerated() {
            #expect(WebhookRetrySchedule.nextAttempt(after: index + 1, at: now, jitter: 0) == now.addingTimeInterval(delay))
        }
        #expect(WebhookRetrySchedule.nextAttempt(after: 10, at: now) == nil, "ten attempts in all, then the delivery has failed")
    }

    @Test func jitterAddsAtMostATenth() {
        for _ in 0..<200 {
            let next = WebhookRetrySchedule.nextAttempt(after: 2, at: now)!.timeIntervalSince(now)
            #expect(next >= 300 && next <= 330)
        }
    }

    @Test func aReceiversRetryAfterIsWaitedWhenLonger() {
        #expect(WebhookRetrySchedule.nextAttempt(after: 1, at: now, asked: 3_600, jitter: 0) == now.addingTimeInterval(3_600))
        #expect(WebhookRetrySchedule.nextAttempt(after: 2, at: now, asked: 1, jitter: 0) == now.addingTimeInterval(300), "never sooner than the schedule")
    }

    @Test(arguments: [("120", 120), ("1.5", 1.5), ("1e300", 86_400), ("inf", 86_400), ("-5", 0), ("-inf", 0),
                      ("99999999999999999999999999999", 86_400), ("Thu, 01 Jan 2026 00:00:00 GMT", 0),
                      ("Fri, 31 Dec 9999 23:59:59 GMT", 86_400)] as [(String, TimeInterval)])
    func aReceiversRetryAfterIsReadWithinADay(header: String, seconds: TimeInterval) {
        // Issue 29, item 3: `1e300` gave a date PostgreSQL's encoder trapped on.
        #expect(WebhookRetrySchedule.retryAfter(header, now: now) == seconds)
    }

    @Test func anHTTPDateIsCountedFromNow() {
        // `now` is 2026-09-21 14:13:20 UTC.
        #expect(WebhookRetrySchedule.retryAfter("Mon, 21 Sep 2026 14:15:20 GMT", now: now) == 120)
        #expect(WebhookRetrySchedule.retryAfter("Sat, 29 Feb 2028 00:00:00 GMT", now: now) == 86_400)
    }

    @Test(arguments: ["nan", "soon", "", "Wed, 21 Oct 2015 07:28:00 PST", "Wed, 21\u{07B0}\u{FFFD}5 07:28:00 GMT"])
    func aRetryAfterThatIsNeitherIsIgnored(header: String) {
        #expect(WebhookRetrySchedule.retryAfter(header, now: now) == nil)
    }

    @Test func whatEverIsAskedTheNextAttemptIsWithinADayAndAJitter() {
        for asked in [TimeInterval.nan, .infinity, 1e300, -.infinity, -5] {
            let next = WebhookRetrySchedule.nextAttempt(after: 1, at: now, asked: asked, jitter: 0)!.timeIntervalSince(now)
            #expect(next >= 5 && next <= 86_400, "\(asked) gives \(next) s")
        }
    }
}
