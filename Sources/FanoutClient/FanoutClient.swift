import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// A client of the OFAuth messaging API, against Fanout or the real service.
///
/// ```swift
/// let client = FanoutClient(baseURL: URL(string: "http://localhost:8080")!, apiKey: key, connectionID: connection)
/// for try await chat in client.chats(order: .recent).prefix(5) {
///     print(chat.withUser.id, chat.lastMessage?.value1.text ?? "")
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

    public init(baseURL: URL, apiKey: String, connectionID: String) {
        self.init(configuration: Configuration(baseURL: baseURL, apiKey: apiKey, connectionID: connectionID))
    }

    public init(configuration: Configuration) {
        self.configuration = configuration
        let transport = configuration.transport ?? AsyncHTTPClientTransport(configuration: .init(
            client: HTTPClient.shared, timeout: .nanoseconds(configuration.timeout.nanoseconds)))
        api = Client(
            serverURL: configuration.baseURL, transport: transport,
            middlewares: [
                FailureMiddleware(),
                HeadersMiddleware(apiKey: configuration.apiKey, connectionID: configuration.connectionID, userAgent: configuration.userAgent),
                RetryMiddleware(policy: configuration.retryPolicy),
            ])
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

// The API's shapes under short names: `FanoutClient.Chat`, `FanoutClient.Message`…
extension FanoutClient {
    public typealias MassMessage = Components.Schemas.QueueItem
    public typealias MassMessageBody = Components.Schemas.MassMessageBody
    public typealias MassMessageCreated = Components.Schemas.MassMessageCreated
    public typealias DeletedMassMessage = Components.Schemas.DeleteMassMessageResponse
    public typealias Chat = Components.Schemas.Chat
    public typealias Message = Components.Schemas.Message
    public typealias MessageBody = Components.Schemas.MessageBody
    public typealias UnsentMessage = Components.Schemas.UnsendMessageResponse
    public typealias ChatMedia = Components.Schemas.ChatMediaList
    public typealias UserList = Components.Schemas.UserList
    public typealias ListUser = Components.Schemas.ListUser
    public typealias ListMembership = Components.Schemas.ListMembershipResponse
    public typealias ListsMembership = Components.Schemas.ListsMembershipResponse
    public typealias PurchasedMassMessage = Components.Schemas.PurchasedItem
    public typealias Chart = Components.Schemas.MassMessageChart
}
