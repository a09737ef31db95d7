import FanoutClient
import FanoutClientAsyncHTTPClient
import FanoutTestSupport
import Foundation
import OpenAPIURLSession
import Testing

/// The client's core takes any transport: URLSession's (what an app on
/// Apple platforms passes; it builds and runs on Linux too) and
/// AsyncHTTPClient's (the FanoutClientAsyncHTTPClient product) answer alike.
@Suite struct FanoutClientTransportTests {
    @Test func urlSessionAndAsyncHTTPClientTransportsAnswerAlike() async throws {
        try await ClientWorld.with { world in
            let org = world.credentials.organizations[0]
            let configuration = FanoutClient.Configuration(
                baseURL: world.baseURL, apiKey: org.apiKey, connectionID: org.connections[0].id, retryPolicy: .never)
            let urlSession = FanoutClient(configuration: configuration, transport: URLSessionTransport())
            let asyncHTTP = FanoutClient(configuration: configuration)

            let viaURLSession = try await urlSession.chatsPage(order: .recent, limit: 5)
            let viaAsyncHTTP = try await asyncHTTP.chatsPage(order: .recent, limit: 5)
            #expect(viaURLSession.items.count == 5 && viaURLSession.items == viaAsyncHTTP.items && viaURLSession.next == viaAsyncHTTP.next)

            let fan = try #require(viaURLSession.items.first).withUser.id
            let walked = try await urlSession.chatMessages(userID: fan, pageSize: 3).reduce(into: [Int]()) { $0.append($1.id) }
            let plain = try await world.plain("GET", "/v2/access/chats/\(fan)/messages?limit=10")
            #expect(walked.prefix(10) == ((plain.json["list"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }[...])

            let refused = await #expect(throws: FanoutClientError.self) { try await urlSession.chatsPage(limit: 50) }
            #expect(refused?.status == .badRequest && refused?.field == "limit")
        }
    }
}
