import FanoutCore
import HTTPTypes
import Hummingbird
import CoreMetrics

/// OFAuth's per-connection token bucket, after authentication (the bucket
/// is the connection's). Every answer it lets through, errors included,
/// carries `X-RateLimit-Limit`, `-Remaining` and `-Reset`; a refused request
/// is a 429 with `Retry-After` and reaches nothing below.
struct RateLimitMiddleware: RouterMiddleware {
    static let limitHeader = HTTPField.Name("X-RateLimit-Limit")!
    static let remainingHeader = HTTPField.Name("X-RateLimit-Remaining")!
    static let resetHeader = HTTPField.Name("X-RateLimit-Reset")!

    let limiter: RateLimiter
    /// Counts refusals, when metrics are on.
    let refused: CoreMetrics.Counter?
    /// Whose bucket a request takes from.
    var key: Key = .connection

    enum Key {
        /// The authenticated connection's (OFAuth's); unlimited without one.
        case connection
        /// The organization's, for routes that act for it (`/webhooks`):
        /// keyed `organization:<id>`, apart from connections' `conn_` ids.
        case organization

        func bucket(_ context: FanoutRequestContext) -> String? {
            switch self {
            case .connection: context.connection?.id
            case .organization: context.organizationID.map { "organization:\($0)" }
            }
        }
    }

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        guard let bucket = key.bucket(context) else { return try await next(request, context) }
        let decision = try await limiter.take(connectionID: bucket)
        var response: Response
        if decision.allowed {
            do {
                response = try await next(request, context)
            } catch let error as FanoutError {
                response = ErrorResponse(error).response(requestID: context.requestID)
            }
        } else {
            refused?.increment()
            response = ErrorResponse(.rateLimited(limiter.limit, retryAfterSeconds: decision.retryAfterSeconds))
                .response(requestID: context.requestID)
        }
        response.headers[Self.limitHeader] = String(limiter.limit.burst)
        response.headers[Self.remainingHeader] = String(decision.remaining)
        response.headers[Self.resetHeader] = String(decision.resetSeconds)
        return response
    }
}
