import FanoutCore
import FanoutPostgres
import FanoutServer
import FanoutSQLite
import Foundation
import Logging

extension AppDependencies {
    /// The storage at `database`, opened and migrated, and what the server
    /// runs with on it: the one place the server meets a storage engine.
    /// Uploads go beside an SQLite file (`<name>-media`) unless the
    /// configuration names a folder; on PostgreSQL only to a named folder
    /// (several instances need one shared folder).
    /// - postgresConnections: on PostgreSQL, the most connections this
    ///   instance opens (shared out between its event loops' pools).
    public static func live(
        _ configuration: AppConfiguration, database: DatabaseLocation,
        postgresConnections: Int = PostgresClients.defaultMaximumConnections, logger: Logger = Logger(label: "fanout")
    ) async throws -> AppDependencies {
        let metrics = configuration.metricsEnabled ? ServerMetrics() : nil
        switch database {
        case .sqlite(let path):
            let database = try AppDatabase(path: path)
            return try .configured(
                configuration, storage: SQLiteStorage(database: database, waits: metrics?.databaseWaits), health: { try database.ping() },
                metrics: metrics, defaultMediaDirectory: URL(fileURLWithPath: path).deletingPathExtension().path + "-media", logger: logger)
        case .postgres(let url):
            let database = try await PostgresAppDatabase.open(url, logger: logger, maximumConnections: postgresConnections)
            let storage = PostgresStorage(database: database, waits: metrics?.databaseWaits)
            return try .configured(
                configuration, storage: storage, health: { try await database.ping() }, metrics: metrics,
                storageServices: [database.clients], rateLimits: storage, logger: logger)
        }
    }
}
