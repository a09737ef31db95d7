import FanoutAPI
import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// The one place that turns a failure into OFAuth's error JSON. The body has
/// both shapes the SDKs read: `error`/`type`/`requestId` and `message`/`code`/`details`.
struct ErrorResponse {
    var status: HTTPResponse.Status
    var type: String
    var message: String
    var details: Components.Schemas.ErrorDetails?
    var extraHeaders: HTTPFields = [:]

    init(status: HTTPResponse.Status, type: String, message: String, details: Components.Schemas.ErrorDetails? = nil) {
        self.status = status
        self.type = type
        self.message = message
        self.details = details
    }

    init(_ error: FanoutError) {
        switch error {
        case .unauthorized(let message):
            self.init(status: .unauthorized, type: "UNAUTHORIZED", message: message)
        case .sessionNotProvided:
            self.init(status: .unauthorized, type: "SESSION_NOT_PROVIDED",
                      message: "No valid connection: send the id of one of your connections in the x-connection-id header")
        case .sessionExpired(let id):
            self.init(status: .unauthorized, type: "SESSION_EXPIRED",
                      message: "Connection \(id) has expired (invalidated): the creator must reconnect, or use another connection")
        case .forbidden(let permission):
            self.init(status: .forbidden, type: "FORBIDDEN",
                      message: "This connection lacks the permission \(permission.rawValue)",
                      details: .init(field: "permission", allowed: permission.rawValue))
        case .badRequest(let message, let field, let allowed):
            self.init(status: .badRequest, type: "BAD_REQUEST", message: message,
                      details: field.map { .init(field: $0, allowed: allowed) })
        case .notFound(let message):
            self.init(status: .notFound, type: "RESOURCE_NOT_FOUND", message: message)
        case .routeNotFound(let message):
            self.init(status: .notFound, type: "ROUTE_NOT_FOUND", message: message)
        case .rateLimited(_, let seconds):
            self.init(status: .tooManyRequests, type: "RATE_LIMIT_EXCEEDED", message: error.description)
            extraHeaders[.retryAfter] = String(seconds)
        case .idempotencyKeyInUse(let message):
            self.init(status: .conflict, type: "IDEMPOTENCY_KEY_IN_USE", message: message, details: .init(field: "Idempotency-Key"))
        case .idempotencyKeyReused:
            self.init(status: .unprocessableContent, type: "IDEMPOTENCY_KEY_REUSED", message: error.description,
                      details: .init(field: "Idempotency-Key"))
        }
    }

    /// Too many failed keys from the client's address: a 429 as the rate limit's.
    init(_ lockout: AuthenticationLockout) {
        self.init(status: .tooManyRequests, type: "RATE_LIMIT_EXCEEDED", message: lockout.description)
        extraHeaders[.retryAfter] = String(lockout.retryAfterSeconds)
    }

    /// The answer to any failure: a `FanoutError` as OFAuth's error, an
    /// `HTTPError` with its status, anything else a fault of ours (logged, 500).
    static func answering(_ error: any Error, context: FanoutRequestContext) -> Response {
        let answer: ErrorResponse
        switch error {
        case let error as FanoutError:
            answer = ErrorResponse(error)
        case let lockout as AuthenticationLockout:
            answer = ErrorResponse(lockout)
        case let error as HTTPError:
            answer = ErrorResponse(status: error.status, type: "BAD_REQUEST", message: error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))", "requestId": "\(context.requestID)"])
            answer = ErrorResponse(status: .internalServerError, type: "INTERNAL_SERVER_ERROR", message: "Internal server error")
        }
        return answer.response(requestID: context.requestID)
    }

    func response(requestID: String) -> Response {
        let body = Components.Schemas._Error(
            error: message, message: message, _type: type, code: type, requestId: requestID, details: details)
        var response = (try? JSONResponse.make(body, status: status))
            ?? Response(status: status, headers: [.contentType: "application/json"])
        response.headers.append(contentsOf: extraHeaders)
        return response
    }
}
