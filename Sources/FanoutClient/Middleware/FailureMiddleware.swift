internal import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime

/// Any answer outside 2xx becomes a `FanoutClientError` carrying the
/// server's error JSON, so the typed methods only ever see success; a
/// request that got no answer, one with the transport's error.
struct FailureMiddleware: ClientMiddleware {
    /// The largest success body read (``FanoutClient/Configuration/maximumResponseBytes``).
    let maximumResponseBytes: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let response: HTTPResponse, responseBody: HTTPBody?
        do {
            (response, responseBody) = try await next(request, body, baseURL)
        } catch let error as ClientError where error.causeDescription.hasPrefix("Transport threw") {
            if Task.isCancelled || error.underlyingError is CancellationError { throw CancellationError() }
            // The request's own body failed as it was sent (a file that shrank): not the connection.
            if let failure = error.underlyingError as? FanoutClientError { throw failure }
            throw FanoutClientError(
                status: nil, code: "CONNECTION_FAILED", message: "No answer from \(baseURL.absoluteString): \(error.underlyingError)",
                requestID: nil, field: nil, allowed: nil, retryAfter: nil, underlying: error.underlyingError)
        }
        guard response.status.kind != .successful else { return (response, try responseBody?.limited(to: maximumResponseBytes)) }
        let bytes: [UInt8] = if let responseBody { (try? await [UInt8](collecting: responseBody, upTo: 1024 * 1024)) ?? [] } else { [] }
        throw FanoutClientError(status: response.status, headers: response.headerFields, body: bytes)
    }
}
