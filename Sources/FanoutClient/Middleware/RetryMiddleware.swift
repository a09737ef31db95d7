internal import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime

/// Retries 429, 502, 503 and 504 answers and failed connections, waiting
/// as `RetryPolicy` says. Writes are safe to retry because `HeadersMiddleware`
/// (outside this one) gives each an `Idempotency-Key` that its retries share:
/// the server does it at most once. Cancelling the task stops a wait at once
/// (`Task.sleep` throws).
struct RetryMiddleware: ClientMiddleware {
    static let retriedStatuses: Set<Int> = [429, 502, 503, 504]
    static let largestReplayedBody: Int64 = 16 << 20

    let policy: FanoutClient.RetryPolicy

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard policy.maximumAttempts > 1 else { return try await next(request, body, baseURL) }
        // A body that can be iterated again (bytes in memory, a file part
        // read from disk) is sent again as it is; one that can be read only
        // once is kept in memory to send it again when it is small, and
        // goes once when it is of unknown or large size.
        let resend: HTTPBody?
        switch (body?.iterationBehavior, body?.length) {
        case (nil, _), (.multiple?, _): resend = body
        case (.single?, .known(let length)?) where length <= Self.largestReplayedBody:
            resend = HTTPBody(try await [UInt8](collecting: body!, upTo: Int(Self.largestReplayedBody)))
        default: return try await next(request, body, baseURL)
        }
        var attempt = 1
        while true {
            let serverAsked: Duration?
            do {
                let (response, responseBody) = try await next(request, resend, baseURL)
                guard Self.retriedStatuses.contains(response.status.code), attempt < policy.maximumAttempts else {
                    return (response, responseBody)
                }
                serverAsked = FanoutClientError.serverAskedDelay(response.headerFields)
            } catch let error as ClientError
                where error.causeDescription.hasPrefix("Transport threw") && !(error.underlyingError is CancellationError)
                    && !(error.underlyingError is FanoutClientError) {
                // No answer (refused, reset, timed out): worth another try.
                try Task.checkCancellation()
                guard attempt < policy.maximumAttempts else { throw error }
                serverAsked = nil
            }
            try await Task.sleep(for: policy.delay(beforeRetry: attempt, serverAsked: serverAsked))
            attempt += 1
        }
    }
}
