import Foundation
import Synchronization

/// A token bucket per connection, in memory. Only authenticated connection
/// ids get a bucket; when the table reaches `compactAt`, full buckets (no
/// different from none) are dropped, and if that is not enough the fullest
/// half, so memory stays bounded. With a `store` (several instances on one
/// PostgreSQL) the buckets are the store's instead, one per connection for
/// all instances.
public final class RateLimiter: Sendable {
    public let limit: RateLimit
    private let clock: any FanoutClock
    private let compactAt: Int
    private let buckets = Mutex<[String: TokenBucket]>([:])
    private let store: (any RateLimitStore)?

    public init(limit: RateLimit, clock: any FanoutClock, compactAt: Int = 10_000, store: (any RateLimitStore)? = nil) {
        self.limit = limit
        self.clock = clock
        self.compactAt = compactAt
        self.store = store
    }

    /// One request of `connectionID`: allowed (and counted) or refused.
    public func take(connectionID: String) async throws -> TokenBucket.Decision {
        if let store { return try await store.takeToken(connectionID: connectionID, limit: limit, at: clock.now()) }
        return takeLocally(connectionID: connectionID)
    }

    private func takeLocally(connectionID: String) -> TokenBucket.Decision {
        let now = clock.now()
        return buckets.withLock { buckets in
            if buckets.count >= compactAt, buckets[connectionID] == nil {
                buckets = buckets.filter { !$0.value.isFull(at: now) }
                if buckets.count >= compactAt {
                    // Still too many: forget the fullest half (they lose at
                    // most what they had not used yet).
                    let fullest = buckets.sorted { $0.value.tokens > $1.value.tokens }.prefix(buckets.count / 2).map(\.key)
                    for key in fullest { buckets[key] = nil }
                }
            }
            var bucket = buckets[connectionID] ?? TokenBucket(limit: limit, now: now)
            let decision = bucket.take(at: now)
            buckets[connectionID] = bucket
            return decision
        }
    }

    /// What `key`'s next request would be told, taking nothing (a key
    /// without a bucket has a full one). This instance's buckets only, never
    /// the store's: for limiters that count something other than requests.
    public func peek(key: String) -> TokenBucket.Decision {
        let now = clock.now()
        return buckets.withLock { buckets in
            var copy = buckets[key] ?? TokenBucket(limit: limit, now: now)
            return copy.take(at: now)
        }
    }

    /// Buckets held (for tests of the bound).
    public var count: Int { buckets.withLock { $0.count } }
}
