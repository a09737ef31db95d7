import FanoutCore
import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// One isolated world per test: its own database of `backend` (a temporary
/// SQLite file, or a database of its own on the PostgreSQL test cluster) with
/// the small demo dataset, a manual clock, and callers for each demo connection.
struct TestWorld {
    /// Demo data is generated around this instant; the clock starts here.
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    let dependencies: AppDependencies
    let clock: ManualClock
    let credentials: OperatorService.DemoCredentials

    /// A world for `body`, removed after.
    static func with(
        _ backend: StorageBackend, policy: MessagingPolicy = MessagingPolicy(), seed: UInt64 = 7, accessCache: AccessCache = AccessCache(),
        rateLimit: RateLimit? = nil, metrics: ServerMetrics? = nil, _ body: @Sendable (TestWorld) async throws -> Void
    ) async throws {
        try await backend.withStorage { storage, ping in
            var builder = DemoDatasetBuilder(seed: seed, anchor: anchor, size: .small)
            let credentials = try await StallWatch.phase("seeding the demo") {
                try await OperatorService(storage: storage).seedDemo(builder.build())
            }
            let clock = ManualClock(anchor)
            let mediaFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-media-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: mediaFolder) }
            // No rate limit unless a test asks for one: most tests send more than
            // a burst's worth of requests on one connection, with time stopped.
            try await body(TestWorld(
                dependencies: AppDependencies(
                    storage: storage, health: ping, clock: clock, policy: policy, accessCache: accessCache,
                    rateLimiter: rateLimit.map { RateLimiter(limit: $0, clock: clock) }, metrics: metrics,
                    media: MediaStorage(
                        files: try DiskMediaFiles(root: mediaFolder), urlPrefix: "http://fanout.test/media/", maxUploadSize: 64 << 20)),
                clock: clock, credentials: credentials))
        }
    }

    /// Organization 1, connection 1: every permission.
    var owner: Caller { caller(organization: 0, connection: 0) }
    /// Organization 1, connection 2: another creator, every permission.
    var secondCreator: Caller { caller(organization: 0, connection: 1) }
    /// Organization 1, connection 3: messages:read and lists:read only.
    var readOnly: Caller { caller(organization: 0, connection: 2) }
    /// Organization 2, its only connection.
    var otherTenant: Caller { caller(organization: 1, connection: 0) }

    func caller(organization: Int, connection: Int) -> Caller {
        let org = credentials.organizations[organization]
        let conn = org.connections[connection]
        return Caller(apiKey: org.apiKey, connectionID: conn.id, creatorID: conn.creatorID)
    }

    /// The fan-out worker and scheduler, for tests that drive them by hand.
    var fanOut: FanOutWorker { FanOutWorker(store: dependencies.storage, clock: clock, batchSize: 50) }
    var scheduler: MassMessageScheduler { MassMessageScheduler(store: dependencies.storage, clock: clock) }

    /// Requests through the router. Background services run only when asked:
    /// most tests move the scheduler and fan-out themselves, deterministically.
    /// The console (and its simulations service) only for the console's tests:
    /// an app with no services runs no ServiceGroup. Under load, a one-request
    /// app.test whose group stopped as soon as it started once never returned
    /// (CI's stalls; see docs/testing.md, Stalls).
    func withClient(
        backgroundServices: Bool = false, sandbox: Bool = true, console: Bool = false, publicURL: String? = nil,
        allowPrivateWebhooks: Bool = false, _ body: @escaping @Sendable (APIClient) async throws -> Void
    ) async throws {
        var configuration = AppConfiguration(
            runsBackgroundServices: backgroundServices, fanOutBatchSize: 50, sandboxEnabled: sandbox,
            consoleEnabled: console, publicURL: publicURL)
        configuration.allowPrivateWebhooks = allowPrivateWebhooks
        let app = buildApplication(configuration: configuration, dependencies: dependencies)
        // Two phases: a stall in the outer one alone is in starting or stopping the app's services.
        try await StallWatch.phase("app.test(.router)") {
            try await app.test(.router) { client in
                try await StallWatch.phase("the requests in app.test(.router)") { try await body(APIClient(client: client)) }
            }
        }
    }
}

struct Caller: Sendable {
    var apiKey: String
    var connectionID: String
    var creatorID: Int64

    var headers: HTTPFields {
        [HTTPField.Name("apiKey")!: apiKey, HTTPField.Name("x-connection-id")!: connectionID]
    }
}

extension TestWorld {
    /// Every regular file under the media folder, relative to it.
    func mediaFiles() throws -> [String] {
        guard let root = dependencies.media?.files.root,
              let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return try walker.compactMap { item in
            let url = item as! URL
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { return nil }
            return String(url.path.dropFirst(root.path.count + 1))
        }.sorted()
    }
}
