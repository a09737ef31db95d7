import Foundation

/// Token buckets kept where several instances share them (a PostgreSQL
/// row per connection), so that a connection's limit holds across them.
public protocol RateLimitStore: Sendable {
    /// One request of `connectionID` against its bucket, in one atomic
    /// step: refilled to `now`, then a token taken if there is one.
    func takeToken(connectionID: String, limit: RateLimit, at now: Date) async throws -> TokenBucket.Decision
}
