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
        // A body is read once: its bytes are kept to send it again, so a
        // body of unknown or large size goes once.
        let replayable = switch body?.length {
        case nil: true
        case .known(let length): length <= Self.largestReplayedBody
        case .unknown: false
        }
        guard replayable, policy.maximumAttempts > 1 else { return try await next(request, body, baseURL) }
        let bytes: [UInt8]? = if let body { try await [UInt8](collecting: body, upTo: Int(Self.largestReplayedBody)) } else { nil }
        var attempt = 1
        while true {
            let serverAsked: Duration?
            do {
                let (response, responseBody) = try await next(request, bytes.map { HTTPBody($0) }, baseURL)
                guard Self.retriedStatuses.contains(response.status.code), attempt < policy.maximumAttempts else {
                    return (response, responseBody)
                }
                serverAsked = FanoutClientError.serverAskedDelay(response.headerFields)
            } catch let error as ClientError where error.causeDescription.hasPrefix("Transport threw") && !(error.underlyingError is CancellationError) {
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
