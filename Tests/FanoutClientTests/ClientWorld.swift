import FanoutClient
import FanoutCore
import FanoutServer
import FanoutTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Synchronization
import Testing

/// A real Fanout on a free port (the app in-process, live over TCP) with the
/// small demo, and clients for its demo connections.
struct ClientWorld: Sendable {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    let baseURL: URL
    let credentials: OperatorService.DemoCredentials
    let storage: any FanoutStorage
    /// What every client of this world sent and got, in order.
    let transport: RecordingTransport

    /// A world for `body`. Time is real (creators' clocks the sandbox can move), or with
    /// `secondPer429` stopped but for a second more each time a client is
    /// refused with 429 (a rate limit then refuses as surely on a loaded
    /// machine, and lets the retry through). `backgroundServices`: the
    /// fan-out, the scheduler and the webhook sender run (to loopback
    /// receivers too: the sandbox is on).
    static func with(
        _ backend: StorageBackend = .sqlite, rateLimit: RateLimit? = nil, secondPer429: Bool = false, backgroundServices: Bool = false,
        inject: RecordingTransport.Injection? = nil, maxUploadSize: Int = 1 << 20, _ body: @Sendable (ClientWorld) async throws -> Void
    ) async throws {
        try await backend.withStorage { storage, ping in
            var builder = DemoDatasetBuilder(seed: 7, anchor: anchor, size: .small)
            let credentials = try await OperatorService(storage: storage).seedDemo(builder.build())
            let manual = ManualClock(anchor)
            let clock: any AdjustableCreatorClock = secondPer429 ? manual : CreatorOffsetClock(store: nil)
            let mediaFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-client-media-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: mediaFolder) }
            let dependencies = AppDependencies(
                storage: storage, health: ping, clock: clock, policy: MessagingPolicy(),
                rateLimiter: rateLimit.map { RateLimiter(limit: $0, clock: secondPer429 ? manual : SystemClock()) },
                media: MediaStorage(files: try DiskMediaFiles(root: mediaFolder), urlPrefix: "http://fanout.test/media/", maxUploadSize: maxUploadSize))
            let configuration = AppConfiguration(runsBackgroundServices: backgroundServices)
            let app = buildApplication(configuration: configuration, dependencies: dependencies)
            try await StallWatch.phase("app.test(.live)") {
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    let world = ClientWorld(
                        baseURL: URL(string: "http://127.0.0.1:\(port)")!, credentials: credentials, storage: storage,
                        transport: RecordingTransport(base: AsyncHTTPClientTransport(), inject: inject) { status in
                            if secondPer429, status == 429 { manual.advance(by: 1) }
                        })
                    try await StallWatch.phase("the client calls in app.test(.live)") { try await body(world) }
                }
            }
        }
    }

    /// A client of organization `organization`'s connection `connection`
    /// (0, 0: every permission; 0, 2: read-only).
    func client(organization: Int = 0, connection: Int = 0, retry: FanoutClient.RetryPolicy = .init(baseDelay: .milliseconds(20))) -> FanoutClient {
        let org = credentials.organizations[organization]
        return FanoutClient(
            configuration: .init(baseURL: baseURL, apiKey: org.apiKey, connectionID: org.connections[connection].id, retryPolicy: retry),
            transport: transport)
    }

    /// What a plain HTTP request (no FanoutClient, no generated code) gets:
    /// the status and the JSON object, for comparing the client's values and
    /// walks with the wire. `connection` nil: the organization's key alone.
    func plain(
        _ method: String = "GET", _ pathAndQuery: String, body: [String: Any]? = nil, organization: Int = 0, connection: Int? = 0
    ) async throws -> (status: Int, json: [String: Any]) {
        let org = credentials.organizations[organization]
        var request = URLRequest(url: URL(string: baseURL.absoluteString + pathAndQuery)!)
        request.httpMethod = method
        request.setValue(org.apiKey, forHTTPHeaderField: "apiKey")
        if let connection { request.setValue(org.connections[connection].id, forHTTPHeaderField: "x-connection-id") }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = data.isEmpty ? [:] : try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(pathAndQuery): not an object")
        return (status, json)
    }

    /// The items of every page of an offset-paged GET (`list`, `hasMore`,
    /// `nextOffset` or the offset past the page), walked by plain HTTP.
    func plainOffsetWalk(_ path: String, limit: Int, listKey: String = "list", connection: Int? = 0) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var offset = 0
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let (status, json) = try await plain("GET", "\(path)\(separator)limit=\(limit)&offset=\(offset)", connection: connection)
            try #require(status == 200, "\(path) offset \(offset): \(status) \(json)")
            let page = try #require(json[listKey] as? [[String: Any]], "\(path): no \(listKey)")
            items += page
            guard json["hasMore"] as? Bool == true else { return items }
            offset = (json["nextOffset"] as? Int) ?? offset + page.count
        }
    }

    var ownerCreatorID: Int64 { credentials.organizations[0].connections[0].creatorID }
}

/// A transport that records each request and its answer's status, and can
/// replace an answer (a lost response, a 503) before the client sees it.
final class RecordingTransport: ClientTransport, Sendable {
    /// Given the request and how many of its kind came before, an answer
    /// to give instead of the server's (the server still got the request
    /// when `sendFirst`), or nil to pass the server's through.
    typealias Injection = @Sendable (HTTPRequest, Int) -> (status: HTTPResponse.Status, headers: HTTPFields, sendFirst: Bool)?

    struct Exchange: Sendable {
        var request: HTTPRequest
        var status: Int?
    }

    let base: any ClientTransport
    let inject: Injection?
    /// Told each answer's status before the client sees it.
    let answered: @Sendable (Int) -> Void
    let log = Mutex<[Exchange]>([])

    init(base: any ClientTransport, inject: Injection?, answered: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.base = base
        self.inject = inject
        self.answered = answered
    }

    var exchanges: [Exchange] { log.withLock { $0 } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let earlier = log.withLock { log in
            defer { log.append(Exchange(request: request)) }
            return log.filter { $0.request.method == request.method && $0.request.path == request.path }.count
        }
        let response: HTTPResponse, responseBody: HTTPBody?
        if let injected = inject?(request, earlier) {
            if injected.sendFirst { _ = try await base.send(request, body: body, baseURL: baseURL, operationID: operationID) }
            (response, responseBody) = (HTTPResponse(status: injected.status, headerFields: injected.headers), nil)
        } else {
            (response, responseBody) = try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
        log.withLock { log in
            if let index = log.lastIndex(where: { $0.request == request && $0.status == nil }) { log[index].status = response.status.code }
        }
        answered(response.status.code)
        return (response, responseBody)
    }
}
