internal import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime

/// The credentials on every request (OFAuth's `apiKey` and
/// `x-connection-id`), the user agent, and an `Idempotency-Key` on every
/// write that has none: one key per call, so its retries carry the same.
struct HeadersMiddleware: ClientMiddleware {
    static let apiKey = HTTPField.Name("apiKey")!
    static let connectionID = HTTPField.Name("x-connection-id")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    let apiKey: String
    let connectionID: String
    let userAgent: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[Self.apiKey] = apiKey
        request.headerFields[Self.connectionID] = connectionID
        request.headerFields[.userAgent] = userAgent
        if request.method != .get, request.method != .head, request.headerFields[Self.idempotencyKey] == nil {
            request.headerFields[Self.idempotencyKey] = UUID().uuidString.lowercased()
        }
        return try await next(request, body, baseURL)
    }
}
