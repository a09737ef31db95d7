// Errors arrive as FanoutClientError; retries and their backoff are configured.
import FanoutClient
import FanoutClientAsyncHTTPClient
import Foundation

func errors(apiKey: String, connectionID: String) async throws {
    // snippet.show
    let configuration = FanoutClient.Configuration(
        baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: apiKey, connectionID: connectionID,
        retryPolicy: .init(maximumAttempts: 5, baseDelay: .milliseconds(200), maximumDelay: .seconds(20)),
        timeout: .seconds(10))
    let client = FanoutClient(configuration: configuration)

    do {
        _ = try await client.chatsPage(limit: 50)
    } catch let error as FanoutClientError {
        // 400 BAD_REQUEST, field "limit": the server's own message and request id.
        print(error.status?.code ?? 0, error.code, error.field ?? "", error.message, error.requestID ?? "")
        if error.isRateLimited { print("retry after", error.retryAfter ?? .zero) }
    }
    // snippet.hide
}
