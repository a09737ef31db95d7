public import Foundation
internal import OpenAPIRuntime

extension FanoutClient {
    /// Where and as whom to call, and how patiently.
    public struct Configuration: Sendable {
        public var baseURL: URL
        public var apiKey: String
        public var connectionID: String
        public var retryPolicy: RetryPolicy
        /// Each attempt's deadline, on the AsyncHTTPClient transport that
        /// `FanoutClientAsyncHTTPClient` makes (a transport you pass keeps its own).
        public var timeout: Duration
        public var userAgent: String
        /// The largest answer read (32 MiB unless set): a larger one is a
        /// ``FanoutClientError`` with the code `RESPONSE_TOO_LARGE`, not a
        /// process out of memory.
        public var maximumResponseBytes: Int

        public init(
            baseURL: URL, apiKey: String, connectionID: String, retryPolicy: RetryPolicy = .default,
            timeout: Duration = .seconds(30), userAgent: String = "FanoutClient/1 (Swift)", maximumResponseBytes: Int = 32 << 20
        ) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.connectionID = connectionID
            self.retryPolicy = retryPolicy
            self.timeout = timeout
            self.userAgent = userAgent
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    /// Exponential backoff with full jitter: before retry n (from 1), a
    /// random wait in 0…min(maximumDelay, baseDelay × 2ⁿ⁻¹), or what the
    /// server asked for (`Retry-After`, else `X-RateLimit-Reset`) when it
    /// asked, capped at `maximumDelay`.
    public struct RetryPolicy: Sendable {
        /// Attempts in all, the first included (1: never retry).
        public var maximumAttempts: Int
        public var baseDelay: Duration
        public var maximumDelay: Duration

        public init(maximumAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(30)) {
            self.maximumAttempts = max(1, maximumAttempts)
            self.baseDelay = baseDelay
            self.maximumDelay = maximumDelay
        }

        public static let `default` = RetryPolicy()
        public static let never = RetryPolicy(maximumAttempts: 1)

        /// The wait before retry `retry` (1 = the first retry).
        func delay(beforeRetry retry: Int, serverAsked: Duration?) -> Duration {
            if let serverAsked { return min(serverAsked, maximumDelay) }
            let ceiling = min(maximumDelay, baseDelay * Double(1 << min(retry - 1, 30)))
            return ceiling * Double.random(in: 0...1)
        }
    }
}
