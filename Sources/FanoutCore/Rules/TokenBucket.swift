import Foundation

/// One connection's bucket. Time comes from outside (the injected real-time
/// clock: no sandbox clock refills it), so tests need not wait.
public struct TokenBucket: Sendable, Equatable {
    public let limit: RateLimit
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date

    /// A new bucket is full.
    public init(limit: RateLimit, now: Date) {
        self.limit = limit
        tokens = Double(limit.burst)
        updatedAt = now
    }

    /// What one request found.
    public struct Decision: Sendable, Equatable {
        public var allowed: Bool
        /// Whole tokens left after this request.
        public var remaining: Int
        /// Seconds until the bucket is full again.
        public var resetSeconds: Int
        /// Seconds until one token is back (when refused).
        public var retryAfterSeconds: Int
    }

    private var perSecond: Double { Double(limit.perMinute) / 60 }

    /// What a request that found `tokensAfter` left (and was `allowed` or
    /// not) is told: the same headers as a local bucket's.
    public static func decision(limit: RateLimit, allowed: Bool, tokensAfter stored: Double) -> Decision {
        let perSecond = Double(limit.perMinute) / 60
        // A shared bucket's tokens come from a row: read within 0…burst (NaN as empty).
        let tokens = stored.isNaN ? 0 : min(max(stored, 0), Double(limit.burst))
        return Decision(
            allowed: allowed, remaining: Int(tokens.rounded(.down)),
            resetSeconds: Int(((Double(limit.burst) - tokens) / perSecond).rounded(.up)),
            retryAfterSeconds: allowed ? 0 : max(1, Int((max(0, 1 - tokens) / perSecond).rounded(.up))))
    }

    /// Takes a token if there is one; a refused request takes nothing.
    public mutating func take(at now: Date) -> Decision {
        refill(at: now)
        let allowed = tokens >= 1
        if allowed { tokens -= 1 }
        return Self.decision(limit: limit, allowed: allowed, tokensAfter: tokens)
    }

    /// Full again at `now`: as good as no bucket (so it can be forgotten).
    public func isFull(at now: Date) -> Bool {
        var copy = self
        copy.refill(at: now)
        return copy.tokens >= Double(limit.burst)
    }

    private mutating func refill(at now: Date) {
        // A clock moved backwards refills nothing and takes nothing.
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        tokens = min(Double(limit.burst), tokens + elapsed * perSecond)
        updatedAt = max(updatedAt, now)
    }
}
