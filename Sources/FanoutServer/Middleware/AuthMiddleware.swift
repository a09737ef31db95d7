import FanoutCore
import HTTPTypes
import Hummingbird

/// `apiKey` → organization, `x-connection-id` → one of its connections.
/// Header names are case-insensitive (HTTP fields are). A client address
/// with too many failed keys is refused first (`AuthFailureLimiter`).
struct AuthMiddleware: RouterMiddleware {
    static let apiKey = HTTPField.Name("apiKey")!
    static let connectionID = HTTPField.Name("x-connection-id")!

    let access: AccessService

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        let organizationID = try await access.organization(apiKey: request.headers[Self.apiKey], client: context.clientAddress)
        var context = context
        context.connection = try await access.connection(request.headers[Self.connectionID], organizationID: organizationID)
        return try await next(request, context)
    }
}

/// `apiKey` → organization, for the organization's own resources (webhooks).
struct OrganizationAuthMiddleware: RouterMiddleware {
    let access: AccessService

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.organizationID = try await access.organization(apiKey: request.headers[AuthMiddleware.apiKey], client: context.clientAddress)
        return try await next(request, context)
    }
}
