import Foundation
import FanoutCore
import FanoutPostgres
import FanoutSQLite
import Logging
import ServiceLifecycle

/// What the application is built from. `main` builds it from a configuration;
/// tests build it with their own database file and clock.
public struct AppDependencies: Sendable {
    public var storage: any FanoutStorage
    public var health: @Sendable () async throws -> Void
    /// Adjustable so that the sandbox can move time forward.
    public var clock: any AdjustableClock
    public var policy: MessagingPolicy
    /// Verified keys and connections, shared by every authenticated route.
    public var accessCache: AccessCache
    /// Per-connection token buckets on /v2/access; nil: no limit.
    public var rateLimiter: RateLimiter?
    /// What `/metrics` shows; nil: no metrics, no route.
    public var metrics: ServerMetrics?
    /// What the storage needs running while the server runs (PostgreSQL's
    /// connection pool); started first and stopped last in the service group.
    public var services: [any Service]
    /// Uploaded files; nil: uploads are off.
    public var media: MediaStorage?

    public init(
        storage: any FanoutStorage, health: @escaping @Sendable () async throws -> Void, clock: any AdjustableClock,
        policy: MessagingPolicy, accessCache: AccessCache = AccessCache(), rateLimiter: RateLimiter? = nil,
        metrics: ServerMetrics? = nil, services: [any Service] = [], media: MediaStorage? = nil
    ) {
        self.storage = storage
        self.health = health
        self.clock = clock
        self.policy = policy
        self.accessCache = accessCache
        self.rateLimiter = rateLimiter
        self.metrics = metrics
        self.services = services
        self.media = media
    }

    /// The storage at `configuration.database` (opened and migrated); real
    /// time, which the sandbox can move forward: in this process on SQLite
    /// (or `clock`), for every instance on PostgreSQL.
    public static func live(
        _ configuration: AppConfiguration, clock: (any AdjustableClock)? = nil, logger: Logger = Logger(label: "fanout")
    ) async throws -> AppDependencies {
        let storage: any FanoutStorage
        let health: @Sendable () async throws -> Void
        var clock = clock ?? OffsetClock()
        var services: [any Service] = []
        var rateLimits: (any RateLimitStore)?
        var mediaDirectory = configuration.mediaDirectory
        let metrics = configuration.metricsEnabled ? ServerMetrics() : nil
        switch configuration.database {
        case .sqlite(let path):
            let database = try AppDatabase(path: path)
            storage = SQLiteStorage(database: database, waits: metrics?.databaseWaits)
            mediaDirectory = mediaDirectory ?? URL(fileURLWithPath: path).deletingPathExtension().path + "-media"
            health = { try database.ping() }
        case .postgres(let url):
            let database = try await PostgresAppDatabase.open(url, logger: logger, maximumConnections: configuration.postgresConnections)
            let postgres = PostgresStorage(database: database, waits: metrics?.databaseWaits)
            storage = postgres
            rateLimits = postgres
            health = { try await database.ping() }
            let shared = SharedOffsetClock(store: postgres)
            clock = shared
            services = [
                database.clients,
                // Takes up clock advances made through other instances.
                LoopingService(name: "sandbox-clock", idleDelay: .milliseconds(250), logger: logger) {
                    try await shared.refresh()
                    return false
                },
            ]
        }
        return AppDependencies(
            storage: storage, health: health,
            clock: clock, policy: configuration.policy, accessCache: AccessCache(ttl: configuration.authCacheTTL),
            rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0, clock: clock, store: rateLimits) },
            metrics: metrics, services: services,
            media: try mediaDirectory.map { directory in
                MediaStorage(
                    files: try DiskMediaFiles(root: URL(fileURLWithPath: directory)), urlPrefix: configuration.mediaURLPrefix,
                    maxUploadSize: configuration.maxUploadSize)
            })
    }
}
