public import Foundation
public import OpenAPIRuntime

/// A client of the OFAuth messaging API, against Fanout or the real service.
///
/// ```swift
/// import FanoutClient
/// import FanoutClientAsyncHTTPClient   // or OpenAPIURLSession on Apple platforms
///
/// let client = FanoutClient(baseURL: URL(string: "http://localhost:8080")!, apiKey: key, connectionID: connection)
/// for try await chat in client.chats(order: .recent).prefix(5) {
///     print(chat.withUser.id, chat.lastMessage?.text ?? "")
/// }
/// ```
///
/// Every call carries the `apiKey` and `x-connection-id` headers; 429, 502,
/// 503, 504 and connection failures are retried with backoff (writes only
/// with the `Idempotency-Key` the client gives each of them); any other
/// failure is thrown as a ``FanoutClientError``.
public struct FanoutClient: Sendable {
    public let configuration: Configuration
    /// The generated operations, one method per `operationId` of `openapi.yaml`.
    let api: Client

    /// A client that sends through `transport`: `URLSessionTransport()` of
    /// swift-openapi-urlsession on Apple platforms, or AsyncHTTPClient's
    /// (the `FanoutClientAsyncHTTPClient` product adds initializers for it).
    public init(baseURL: URL, apiKey: String, connectionID: String, transport: any ClientTransport) {
        self.init(configuration: Configuration(baseURL: baseURL, apiKey: apiKey, connectionID: connectionID), transport: transport)
    }

    public init(configuration: Configuration, transport: any ClientTransport) {
        self.configuration = configuration
        api = Client(
            serverURL: configuration.baseURL, transport: transport,
            middlewares: [
                FailureMiddleware(maximumResponseBytes: configuration.maximumResponseBytes),
                HeadersMiddleware(apiKey: configuration.apiKey, connectionID: configuration.connectionID, userAgent: configuration.userAgent),
                RetryMiddleware(policy: configuration.retryPolicy),
            ])
    }
}
