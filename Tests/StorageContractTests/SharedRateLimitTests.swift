import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// With several instances on PostgreSQL, a connection's bucket is one row
/// they all take from: two limiters (two instances) over one store let
/// through the burst once, not once each, and refill by the clock.
@Suite(.needsPostgreSQL)
struct SharedRateLimitTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func twoInstancesShareOneBucketPerConnection() async throws {
        try await StorageBackend.postgres.withStorage { storage in
            let store = try #require(storage as? any RateLimitStore)
            let clock = ManualClock(Self.start)
            let limit = RateLimit(perMinute: 60, burst: 4)
            let instances = [RateLimiter(limit: limit, clock: clock, store: store), RateLimiter(limit: limit, clock: clock, store: store)]
            var allowed = 0
            for index in 0..<10 where try await instances[index % 2].take(connectionID: "conn_a").allowed { allowed += 1 }
            #expect(allowed == 4, "the burst once across both")
            let refused = try await instances[0].take(connectionID: "conn_a")
            #expect(!refused.allowed && refused.retryAfterSeconds == 1 && refused.remaining == 0)
            let other = try await instances[1].take(connectionID: "conn_b")
            #expect(other.allowed && other.remaining == 3, "another connection has its own bucket")

            clock.set(Self.start.addingTimeInterval(2))  // 60 a minute: 2 tokens back
            let first = try await instances[1].take(connectionID: "conn_a")
            let second = try await instances[0].take(connectionID: "conn_a")
            let third = try await instances[1].take(connectionID: "conn_a")
            #expect(first.allowed && second.allowed && !third.allowed)

            // Concurrent requests from both instances take each token once.
            clock.set(Self.start.addingTimeInterval(3600))
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<12 { group.addTask { try await instances[index % 2].take(connectionID: "conn_a").allowed } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(granted == 4)
        }
    }
}
