import FanoutClient
import FanoutClientAsyncHTTPClient
import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// Errors arrive typed; 429s and lost answers are retried as they should be.
@Suite struct FanoutClientFailureTests {
    @Test func errorsCarryTheServersTypeMessageAndRequestID() async throws {
        try await ClientWorld.with { world in
            let stranger = FanoutClient(baseURL: world.baseURL, apiKey: "sk_live_nope", connectionID: "conn_nope", transport: world.transport)
            let unauthorized = await #expect(throws: FanoutClientError.self) { try await stranger.chatsPage() }
            #expect(unauthorized?.status == .unauthorized && unauthorized?.code == "UNAUTHORIZED")
            #expect(unauthorized?.requestID?.isEmpty == false)

            let org = world.credentials.organizations[0]
            let lost = FanoutClient(baseURL: world.baseURL, apiKey: org.apiKey, connectionID: "conn_nope", transport: world.transport)
            let noSession = await #expect(throws: FanoutClientError.self) { try await lost.chatsPage() }
            #expect(noSession?.status == .unauthorized && noSession?.code == "SESSION_NOT_PROVIDED")

            let readOnly = world.client(connection: 2)
            let forbidden = await #expect(throws: FanoutClientError.self) { try await readOnly.createUserList(name: "Nope") }
            #expect(forbidden?.status == .forbidden && forbidden?.code == "FORBIDDEN" && forbidden?.field == "permission")

            let client = world.client()
            let bad = await #expect(throws: FanoutClientError.self) { try await client.chatsPage(limit: 50) }
            #expect(bad?.status == .badRequest && bad?.code == "BAD_REQUEST" && bad?.field == "limit")
            #expect(bad?.description.contains("limit") == true, "reads like the server's message")

            let missing = await #expect(throws: FanoutClientError.self) { try await client.massMessage(id: 999_999_999) }
            #expect(missing?.status == .notFound && missing?.code == "RESOURCE_NOT_FOUND")
        }
    }

    @Test func rateLimitedCallsWaitAndSucceed() async throws {
        // A burst of 3, then one a second of the world's clock, which moves
        // only when a call is refused: the 4th and later calls are refused
        // with Retry-After, and their retries let through.
        try await ClientWorld.with(rateLimit: RateLimit(perMinute: 60, burst: 3), secondPer429: true) { world in
            let client = world.client(retry: .init(maximumAttempts: 6, baseDelay: .milliseconds(20)))
            let start = ContinuousClock.now
            for _ in 0..<6 { _ = try await client.chatsPage(limit: 1) }
            let refused = world.transport.exchanges.filter { $0.status == 429 }.count
            #expect(refused > 0, "the server refused some")
            #expect(world.transport.exchanges.filter { $0.status == 200 }.count == 6, "every call ended in success")
            #expect(ContinuousClock.now - start >= .seconds(1), "after waiting what Retry-After said")

            let impatient = world.client(retry: .never)
            let error = await #expect(throws: FanoutClientError.self) {
                for _ in 0..<5 { _ = try await impatient.chatsPage(limit: 1) }
            }
            #expect(error?.isRateLimited == true && error?.retryAfter != nil)
        }
    }

    @Test func aWriteWhoseAnswerWasLostIsRetriedWithItsKeyAndDoneOnce() async throws {
        // The server does the first POST, but the client gets a 503 instead of its answer.
        try await ClientWorld.with(inject: { request, earlier in
            request.method == .post && earlier == 0 ? (.serviceUnavailable, [:], true) : nil
        }) { world in
            let client = world.client()
            let list = try await client.createUserList(name: "Once only")
            let posts = world.transport.exchanges.filter { $0.request.method == .post }
            #expect(posts.map(\.status) == [503, 200])
            let keys = posts.map { $0.request.headerFields[HTTPField.Name("Idempotency-Key")!] }
            #expect(keys[0] != nil && keys[0] == keys[1], "one key for the call and its retry")
            #expect(try await client.userListsPage(query: "Once only").items.map(\.id) == [list.id], "one list, not two")
        }
    }

    @Test func cancellingDuringABackoffReturnsPromptly() async throws {
        try await ClientWorld.with(inject: { _, _ in (.serviceUnavailable, [.retryAfter: "30"], false) }) { world in
            let client = world.client(retry: .init(maximumAttempts: 5, maximumDelay: .seconds(60)))
            let call = Task { try await client.chatsPage() }
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            call.cancel()
            let result = await call.result
            // Well under the 30 s even when a loaded 2-core machine runs the whole suite beside it (17 s seen).
            #expect(ContinuousClock.now - start < .seconds(25), "not the 30 s the server asked for")
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(world.transport.exchanges.count == 1, "it was waiting out the 30 s, not sending again")
        }
    }

    @Test func noServerIsAConnectionFailureAfterTheRetries() async throws {
        let client = FanoutClient(configuration: .init(
            baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", connectionID: "c", retryPolicy: .init(maximumAttempts: 3, baseDelay: .milliseconds(10)),
            timeout: .seconds(1)))  // FanoutClientAsyncHTTPClient's transport, with the one-second deadline
        let start = ContinuousClock.now
        let error = await #expect(throws: FanoutClientError.self) { try await client.chatsPage() }
        #expect(error?.status == nil && error?.code == "CONNECTION_FAILED" && error?.underlying != nil)
        // Three attempts take ~3 s; CI's 2-core machine, starting every suite at once, took 46 s.
        #expect(ContinuousClock.now - start < .seconds(180), "three attempts with a one-second deadline each, not a hang")
    }

    /// A transport that answers every request with one canned JSON body.
    struct CannedTransport: ClientTransport {
        let body: String
        var status: HTTPResponse.Status = .ok
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(self.body))
        }
    }

    @Test(arguments: [HTTPResponse.Status.noContent, .accepted, .created])
    func aSuccessTheContractDoesNotListIsAFanoutClientError(status: HTTPResponse.Status) async throws {
        let client = FanoutClient(
            baseURL: URL(string: "http://fanout.invalid")!, apiKey: "k", connectionID: "c",
            transport: CannedTransport(body: #"{"list":[],"hasMore":false}"#, status: status))
        let error = await #expect(throws: FanoutClientError.self) { try await client.chatsPage() }
        #expect(error?.code == "INVALID_RESPONSE" && error?.underlying != nil)
    }

    static func chatList(createdAt: String, price: String) -> String {
        #"{"list":[{"withUser":{"id":7,"_view":"s"},"unreadMessagesCount":2,"lastMessage":{"id":11,"text":"hi","fromUser":{"id":7,"name":"Fan"},"#
            + #""media":[],"previews":[],"createdAt":"\#(createdAt)","price":\#(price)}}],"hasMore":false,"nextOffset":null}"#
    }

    @Test func moneyIsExactAndAnAnswerBreakingThePromiseIsAnErrorNamingTheField() async throws {
        let url = URL(string: "http://fanout.invalid")!
        let good = FanoutClient(baseURL: url, apiKey: "k", connectionID: "c", transport: CannedTransport(body: Self.chatList(createdAt: "2026-12-07T19:35:46+00:00", price: "9.99")))
        let chat = try #require(try await good.chatsPage().items.first)
        #expect(chat.lastMessage?.price == Decimal(string: "9.99") && chat.lastMessage?.price.description == "9.99", "not 9.9900000000000002")
        #expect(chat.lastMessage?.createdAt == Date(timeIntervalSince1970: 1_796_672_146) && chat.unreadCount == 2 && chat.lastMessage?.fromUser.name == "Fan")

        let badDate = FanoutClient(baseURL: url, apiKey: "k", connectionID: "c", transport: CannedTransport(body: Self.chatList(createdAt: "yesterday", price: "0")))
        let error = await #expect(throws: FanoutClientError.self) { try await badDate.chatsPage() }
        #expect(error?.code == "INVALID_RESPONSE" && error?.field == "message.createdAt" && error?.status == nil)
    }

    @Test func aServerThatNamesAPageAgainOrOnlySaysMoreIsAnErrorNotALoop() async throws {
        // Every answer: one chat, "more", and the next page at offset 0 again.
        let url = URL(string: "http://fanout.invalid")!
        let looping = Self.chatList(createdAt: "2026-12-07T19:35:46+00:00", price: "0")
            .replacingOccurrences(of: #""hasMore":false,"nextOffset":null"#, with: #""hasMore":true,"nextOffset":0"#)
        let client = FanoutClient(baseURL: url, apiKey: "k", connectionID: "c", transport: CannedTransport(body: looping))
        var walked = 0
        let again = await #expect(throws: FanoutClientError.self) { for try await _ in client.chats(pageSize: 1) { walked += 1 } }
        #expect(walked == 1 && again?.code == "INVALID_RESPONSE" && again?.field == "next page", "the first page's chat, then an error")

        // Empty pages that say "more", each naming a new offset (one past the one asked): a filtered list
        // may have a few; after 20 in a row the walk ends in an error instead of walking on forever.
        let emptyClient = FanoutClient(baseURL: url, apiKey: "k", connectionID: "c", transport: EmptyPagesTransport())
        var pages = 0
        let endless = await #expect(throws: FanoutClientError.self) { for try await _ in emptyClient.chats().pages { pages += 1 } }
        #expect(pages == 21 && endless?.field == "next page", "21 empty pages handed out, then the error")
    }

    /// Answers every chats page empty, with "more" at the next offset.
    struct EmptyPagesTransport: ClientTransport {
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let query = URLComponents(string: request.path ?? "")?.queryItems ?? []
            let offset = query.first { $0.name == "offset" }?.value.flatMap { Int($0) } ?? 0
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]),
                    HTTPBody(#"{"list":[],"hasMore":true,"nextOffset":\#(offset + 1)}"#))
        }
    }

    @Test func anAnswerLargerThanTheLimitIsRefusedNotRead() async throws {
        let body = Self.chatList(createdAt: "2026-12-07T19:35:46+00:00", price: "0")
        let configuration = FanoutClient.Configuration(
            baseURL: URL(string: "http://fanout.invalid")!, apiKey: "k", connectionID: "c", maximumResponseBytes: body.utf8.count - 1)
        let small = FanoutClient(configuration: configuration, transport: CannedTransport(body: body))
        let error = await #expect(throws: FanoutClientError.self) { try await small.chatsPage() }
        #expect(error?.code == "RESPONSE_TOO_LARGE")
        var roomy = configuration
        roomy.maximumResponseBytes = body.utf8.count
        #expect(try await FanoutClient(configuration: roomy, transport: CannedTransport(body: body)).chatsPage().items.count == 1)
    }
}
