import FanoutCore
import FanoutSQLite

/// What the application is built from. `main` builds it from a configuration;
/// tests build it with their own database file and clock.
public struct AppDependencies: Sendable {
    public var storage: any FanoutStorage
    public var health: @Sendable () async throws -> Void
    public var clock: any FanoutClock
    public var policy: MessagingPolicy

    public init(storage: any FanoutStorage, health: @escaping @Sendable () async throws -> Void, clock: any FanoutClock, policy: MessagingPolicy) {
        self.storage = storage
        self.health = health
        self.clock = clock
        self.policy = policy
    }

    /// SQLite at `configuration.databasePath`, the system clock.
    public static func live(_ configuration: AppConfiguration, clock: any FanoutClock = SystemClock()) throws -> AppDependencies {
        let database = try AppDatabase(path: configuration.databasePath)
        return AppDependencies(
            storage: SQLiteStorage(database: database), health: { try await database.ping() },
            clock: clock, policy: configuration.policy)
    }
}
