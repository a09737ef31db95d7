import FanoutCore
import FanoutSQLite

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

    public init(
        storage: any FanoutStorage, health: @escaping @Sendable () async throws -> Void, clock: any AdjustableClock,
        policy: MessagingPolicy, accessCache: AccessCache = AccessCache(), rateLimiter: RateLimiter? = nil,
        metrics: ServerMetrics? = nil
    ) {
        self.storage = storage
        self.health = health
        self.clock = clock
        self.policy = policy
        self.accessCache = accessCache
        self.rateLimiter = rateLimiter
        self.metrics = metrics
    }

    /// SQLite at `configuration.databasePath`; real time, which the sandbox can move forward.
    public static func live(_ configuration: AppConfiguration, clock: any AdjustableClock = OffsetClock()) throws -> AppDependencies {
        let database = try AppDatabase(path: configuration.databasePath)
        return AppDependencies(
            storage: SQLiteStorage(database: database), health: { try await database.ping() },
            clock: clock, policy: configuration.policy, accessCache: AccessCache(ttl: configuration.authCacheTTL),
            rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0, clock: clock) },
            metrics: configuration.metricsEnabled ? ServerMetrics() : nil)
    }
}
