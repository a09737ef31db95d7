import Foundation
import GRDB

/// The SQLite database of one Fanout deployment: one `DatabasePool` (WAL, so
/// readers never wait for the writer), migrated on open.
public final class AppDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            db.add(function: TextFold.function)
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// Whether the database answers a trivial query (for health checks).
    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
