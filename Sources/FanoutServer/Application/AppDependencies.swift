import Foundation
import FanoutCore
import Logging
import ServiceLifecycle

/// What the application is built from. `main` builds it from a configuration
/// (FanoutBootstrap's `AppDependencies.live`);
/// tests build it with their own database file and clock.
public struct AppDependencies: Sendable {
    public var storage: any FanoutStorage
    public var health: @Sendable () async throws -> Void
    /// Each creator's time: scheduled sends, windows, message dates, webhook
    /// retries. The sandbox can move one creator's forward when it is
    /// adjustable (with the sandbox off it is the system clock).
    public var clock: any CreatorClock
    /// Real time only, whatever the sandbox did: rate limits, idempotency
    /// expiry, console sessions, uploads, organization-level records.
    public var realClock: any FanoutClock
    public var policy: MessagingPolicy
    /// Verified keys and connections, shared by every authenticated route.
    public var accessCache: AccessCache
    /// Per-connection token buckets on /v2/access; nil: no limit.
    public var rateLimiter: RateLimiter?
    /// What `/metrics` shows; nil: no metrics, no route.
    public var metrics: ServerMetrics?
    /// Failed keys per client address, on every route that takes a key; nil: unlimited.
    public var authFailures: AuthFailureLimiter?
    /// What the storage needs running while the server runs (PostgreSQL's
    /// connection pool); started first and stopped last in the service group.
    public var services: [any Service]
    /// Uploaded files; nil: uploads are off.
    public var media: MediaStorage?

    public init(
        storage: any FanoutStorage, health: @escaping @Sendable () async throws -> Void, clock: any CreatorClock,
        realClock: (any FanoutClock)? = nil, policy: MessagingPolicy, accessCache: AccessCache = AccessCache(), rateLimiter: RateLimiter? = nil,
        metrics: ServerMetrics? = nil, services: [any Service] = [], authFailures: AuthFailureLimiter? = AuthFailureLimiter(),
        media: MediaStorage? = nil
    ) {
        self.authFailures = authFailures
        self.storage = storage
        self.health = health
        self.clock = clock
        // nil: the clock itself when it tells one time for every creator (a
        // manual clock in tests, the system clock), else the system clock.
        self.realClock = realClock ?? (clock as? any FanoutClock) ?? SystemClock()
        self.policy = policy
        self.accessCache = accessCache
        self.rateLimiter = rateLimiter
        self.metrics = metrics
        self.services = services
        self.media = media
    }

    /// What a deployment runs with, on a storage already opened (FanoutBootstrap
    /// opens SQLite or PostgreSQL). With the sandbox on, each creator's clock
    /// is real time plus what the sandbox moved it, kept in the database for
    /// every instance; off, every clock is the system clock, whatever the
    /// database holds.
    /// - storageServices: what the storage needs running (PostgreSQL's pool).
    /// - rateLimits: where token buckets live when instances share them; nil: in memory.
    /// - defaultMediaDirectory: where uploads go when the configuration names no folder; nil: no uploads.
    public static func configured(
        _ configuration: AppConfiguration, storage: any FanoutStorage, health: @escaping @Sendable () async throws -> Void,
        metrics: ServerMetrics?, storageServices: [any Service] = [], rateLimits: (any RateLimitStore)? = nil,
        defaultMediaDirectory: String? = nil, logger: Logger = Logger(label: "fanout")
    ) throws -> AppDependencies {
        var services = storageServices
        let clock: any CreatorClock
        if configuration.sandboxEnabled {
            let creatorClocks = CreatorOffsetClock(store: storage)
            clock = creatorClocks
            // Reads the stored clocks as it starts (PostgreSQL's pool runs only
            // from then), and takes up advances made through other instances.
            services.append(LoopingService(name: "sandbox-clock", idleDelay: .milliseconds(250), logger: logger) {
                try await creatorClocks.refresh()
                return false
            })
        } else {
            clock = SystemClock()
        }
        return AppDependencies(
            storage: storage, health: health,
            clock: clock, realClock: SystemClock(), policy: configuration.policy, accessCache: AccessCache(ttl: configuration.authCacheTTL),
            rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0, clock: SystemClock(), store: rateLimits) },
            metrics: metrics, services: services, authFailures: configuration.authFailureLimit.map { AuthFailureLimiter(limit: $0) },
            media: try (configuration.mediaDirectory ?? defaultMediaDirectory).map { directory in
                MediaStorage(
                    files: try DiskMediaFiles(root: URL(fileURLWithPath: directory)), urlPrefix: configuration.mediaURLPrefix,
                    maxUploadSize: configuration.maxUploadSize, uploadQuota: configuration.uploadQuota)
            })
    }
}
