import FanoutCore
import HTTPTypes
import Hummingbird
import Logging

/// Catches every error below it and answers with OFAuth's error JSON. Anything
/// that is not a `FanoutError` is a fault of ours: logged, answered 500.
struct ErrorMiddleware: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return unmatched(request).response(requestID: context.requestID)
        } catch {
            return ErrorResponse.answering(error, context: context)
        }
    }

    /// No route matched: a known path with another method (405), or none (404).
    private func unmatched(_ request: Request) -> ErrorResponse {
        let path = request.uri.path
        let methods = routes.methods(at: path)
        guard !methods.isEmpty else {
            return ErrorResponse(.routeNotFound("No route for \(request.method) \(path)"))
        }
        let allowed = Set(methods + (methods.contains(.get) ? [.head] : [])).map(\.rawValue).sorted()
        var response = ErrorResponse(
            status: .methodNotAllowed, type: "METHOD_NOT_ALLOWED",
            message: "\(request.method) is not allowed on \(path); allowed: \(allowed.joined(separator: ", "))")
        response.extraHeaders[.allow] = allowed.joined(separator: ", ")
        return response
    }
}
