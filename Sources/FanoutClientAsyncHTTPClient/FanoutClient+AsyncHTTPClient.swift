import AsyncHTTPClient
import FanoutClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

extension FanoutClient {
    /// A client on AsyncHTTPClient (`HTTPClient.shared` unless given one),
    /// each attempt within the configuration's `timeout`.
    public init(baseURL: URL, apiKey: String, connectionID: String, httpClient: HTTPClient = .shared) {
        self.init(configuration: Configuration(baseURL: baseURL, apiKey: apiKey, connectionID: connectionID), httpClient: httpClient)
    }

    public init(configuration: Configuration, httpClient: HTTPClient = .shared) {
        self.init(configuration: configuration, transport: AsyncHTTPClientTransport(configuration: configuration, httpClient: httpClient))
    }
}

extension AsyncHTTPClientTransport {
    /// AsyncHTTPClient's transport with the configuration's per-attempt timeout.
    public init(configuration: FanoutClient.Configuration, httpClient: HTTPClient = .shared) {
        self.init(configuration: .init(client: httpClient, timeout: .nanoseconds(configuration.timeout.clampedNanoseconds)))
    }
}

extension Duration {
    /// Whole nanoseconds, saturating instead of trapping on a huge duration.
    var clampedNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflowSum) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowSum ? (whole < 0 ? .min : .max) : sum
    }
}
