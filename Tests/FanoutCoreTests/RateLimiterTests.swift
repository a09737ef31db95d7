import FanoutCore
import Foundation
import Testing

@Suite struct RateLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aBucketRefillsAtItsRateUpToItsBurst() {
        var bucket = TokenBucket(limit: RateLimit(perMinute: 60, burst: 3), now: Self.start)
        #expect((0..<3).map { _ in bucket.take(at: Self.start).allowed } == [true, true, true])
        let refused = bucket.take(at: Self.start)
        #expect(!refused.allowed && refused.retryAfterSeconds == 1 && refused.resetSeconds == 3)
        #expect(!bucket.take(at: Self.start.addingTimeInterval(0.5)).allowed, "half a token is not one")
        #expect(bucket.take(at: Self.start.addingTimeInterval(1)).allowed, "a refused request took nothing")
        #expect(!bucket.isFull(at: Self.start.addingTimeInterval(3)) && bucket.isFull(at: Self.start.addingTimeInterval(4)))
        let later = bucket.take(at: Self.start.addingTimeInterval(3600))
        #expect(later.allowed && later.remaining == 2, "never more than the burst")
    }

    @Test(arguments: [("60/90", RateLimit(perMinute: 60, burst: 90)), ("1/1", RateLimit(perMinute: 1, burst: 1))])
    func limitsParse(text: String, limit: RateLimit) {
        #expect(RateLimit(parsing: text) == limit)
    }

    @Test(arguments: ["", "60", "60/", "/90", "0/90", "60/0", "-1/5", "a/b", "60/90/1"])
    func badLimitsDoNot(text: String) {
        #expect(RateLimit(parsing: text) == nil)
    }

    @Test func theLimiterStaysBoundedWhateverTheNumberOfConnections() async throws {
        let clock = ManualClock(Self.start)
        let limiter = RateLimiter(limit: RateLimit(perMinute: 60, burst: 5), clock: clock, compactAt: 100)
        for index in 0..<1_000 { _ = try await limiter.take(connectionID: "conn_\(index)") }
        #expect(limiter.count <= 100)
        // A connection still in its bucket's memory keeps its count.
        for _ in 0..<4 { _ = try await limiter.take(connectionID: "conn_999") }
        let fifth = try await limiter.take(connectionID: "conn_999")
        #expect(!fifth.allowed)
    }
}
