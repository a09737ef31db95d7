import HTTPTypes
import Hummingbird

/// Puts the request id on every response, errors included.
struct RequestIDMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("x-request-id")!

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = context.requestID
        return response
    }
}
