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
}
