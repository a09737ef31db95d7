/// Every failure a client can see. The HTTP layer maps each case to OFAuth's
/// error JSON; nothing else reaches a client.
public enum FanoutError: Error, Equatable, Sendable {
    /// Missing or unknown API key (401 UNAUTHORIZED).
    case unauthorized(String)
    /// Missing, unknown or foreign connection (401 SESSION_NOT_PROVIDED).
    /// Deliberately carries no detail: it must read the same in every case.
    case sessionNotProvided
    /// The organization's own connection, invalidated (401 SESSION_EXPIRED):
    /// only its owner gets this far, so saying so reveals nothing.
    case sessionExpired(String)
    /// The connection lacks a permission (403 FORBIDDEN).
    case forbidden(Permission)
    /// Bad input; `field` names the parameter or body field.
    case badRequest(String, field: String? = nil, allowed: String? = nil)
    /// A resource that is not this connection's, or does not exist (404).
    case notFound(String)
    /// A path no route serves (404 ROUTE_NOT_FOUND).
    case routeNotFound(String)
    /// The connection's token bucket is empty (429 RATE_LIMIT_EXCEEDED).
    case rateLimited(RateLimit, retryAfterSeconds: Int)
    /// The request with this `Idempotency-Key` is still running, or its
    /// answer was lost (409 IDEMPOTENCY_KEY_IN_USE).
    case idempotencyKeyInUse(String)
    /// The `Idempotency-Key` was used for a different request (422 IDEMPOTENCY_KEY_REUSED).
    case idempotencyKeyReused
}

extension FanoutError: CustomStringConvertible {
    /// The message a person reads (CLI output; the HTTP layer builds its own JSON).
    public var description: String {
        switch self {
        case .unauthorized(let message), .notFound(let message), .routeNotFound(let message), .idempotencyKeyInUse(let message): message
        case .sessionNotProvided: "No valid connection"
        case .sessionExpired(let id): "Connection \(id) has expired"
        case .forbidden(let permission): "Missing permission \(permission.rawValue)"
        case .badRequest(let message, _, let allowed): allowed.map { "\(message) (allowed: \($0))" } ?? message
        case .rateLimited(let limit, let seconds):
            "Rate limit exceeded: \(limit.perMinute) requests a minute per connection, bursts of \(limit.burst); retry in \(seconds) s"
        case .idempotencyKeyReused:
            "This Idempotency-Key was used for a different request (method, path or body); use a new key for a new request"
        }
    }
}
