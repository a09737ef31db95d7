import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A real HTTP receiver for webhook tests: on a free port, it keeps what it
/// got and answers the n-th request (from 0) as `answers` says, which may
/// take its time (to hold an attempt in flight).
public final class WebhookReceiver: Sendable {
    public struct Received: Sendable {
        public var path: String
        public var headers: HTTPFields
        public var body: [UInt8]
        /// The request's Host (HTTP/1's `Host` header, which HTTPTypes keeps apart from the other fields).
        public var authority: String? = nil

        public var webhookID: String? { headers[HTTPField.Name("webhook-id")!] }
        /// The body's JSON object.
        public var envelope: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let description: String
    }

    let answers: @Sendable (Int) async -> (HTTPResponse.Status, HTTPFields)
    let received = Mutex<[Received]>([])

    public init(answers: @escaping @Sendable (Int) async -> HTTPResponse.Status) {
        self.answers = { (await answers($0), [:]) }
    }

    /// Answers with headers too (`Retry-After`, `Location`).
    public init(responses: @escaping @Sendable (Int) async -> (HTTPResponse.Status, HTTPFields)) { self.answers = responses }

    public var count: Int { received.withLock { $0.count } }
    public var all: [Received] { received.withLock { $0 } }

    /// `body` with the receiver listening on a free port: its URL.
    public func listening(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        // The hook, and any path under it (where a followed redirect would land).
        for path in ["hook", "hook/**"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let bytes = Array(buffer: try await request.body.collect(upTo: 1 << 20))
                let index = self.received.withLock { list in
                    list.append(Received(path: request.uri.path, headers: request.headers, body: bytes, authority: request.head.authority))
                    return list.count - 1
                }
                let (status, headers) = await self.answers(index)
                return Response(status: status, headers: headers)
            }
        }
        try await StallWatch.phase("the webhook receiver's app.test(.live)") {
            try await Application(router: router).test(.live) { client in
                guard let port = client.port else { throw Timeout(description: "the receiver has no port") }
                try await StallWatch.phase("the requests to the webhook receiver") { try await body("http://127.0.0.1:\(port)/hook") }
            }
        }
    }

    /// Waits (real time) until `count` requests came, or throws after
    /// `timeout` (a loaded CI machine is slow).
    public func wait(for count: Int, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while self.count < count {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "\(count) deliveries expected, \(self.count) came") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
