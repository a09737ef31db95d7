/// Failed authentications per client address: after `limit.burst` wrong
/// keys (20 unless changed), an address is refused before its key is even
/// looked at, until the bucket refills (`limit.perMinute` a minute). Only
/// failures take a token, so a client that authenticates is never slowed.
///
/// The buckets are this instance's, in memory, on the real clock (never the
/// sandbox's): with several instances an address may fail 20 times on each.
/// That keeps key guessing at a handful a second across a fleet, at no cost
/// to a request that succeeds (a shared bucket would be a database write per
/// failure and a read per request). The bound on memory is the `RateLimiter`'s:
/// it forgets refilled buckets first, so locked-out addresses are kept longest.
/// Between the check and the failure being counted a few requests of one
/// address can be in flight at once; each of them counts when it fails.
public final class AuthFailureLimiter: Sendable {
    /// 20 failures, refilled at 20 a minute.
    public static let standard = RateLimit(perMinute: 20, burst: 20)

    private let buckets: RateLimiter

    /// `clock` is the real one but in tests: never the sandbox's, which a tenant moves.
    public init(limit: RateLimit = AuthFailureLimiter.standard, clock: any FanoutClock = SystemClock(), compactAt: Int = 10_000) {
        buckets = RateLimiter(limit: limit, clock: clock, compactAt: compactAt)
    }

    public var limit: RateLimit { buckets.limit }

    /// Throws `AuthenticationLockout` when `client` has no failure left; else runs `verify`
    /// and counts its `.unauthorized` failure against `client`.
    public func guarding<T: Sendable>(client: String?, _ verify: () async throws -> T) async throws -> T {
        let key = client ?? "unknown"
        let state = buckets.peek(key: key)
        guard state.allowed else { throw AuthenticationLockout(limit: limit, retryAfterSeconds: state.retryAfterSeconds) }
        do {
            return try await verify()
        } catch let error as FanoutError {
            if case .unauthorized = error { _ = try await buckets.take(connectionID: key) }
            throw error
        }
    }

    /// Addresses held (for tests of the bound).
    public var count: Int { buckets.count }
}

/// Too many failed authentications from one address: 429 `RATE_LIMIT_EXCEEDED`
/// with `Retry-After`, whatever the key (a right one too: it may be a guess).
public struct AuthenticationLockout: Error, Equatable, CustomStringConvertible {
    public var limit: RateLimit
    public var retryAfterSeconds: Int

    public var description: String {
        "Too many failed authentications from this address (\(limit.burst), then \(limit.perMinute) a minute); retry in \(retryAfterSeconds) s"
    }
}
