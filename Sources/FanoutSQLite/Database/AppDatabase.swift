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
        configuration.maximumReaderCount = Self.pageReaders + Self.asideReaders
        configuration.prepareDatabase { db in
            db.add(function: TextFold.function)
            if !db.configuration.readonly {
                // The writer: a fan-out batch walks the chat and message indexes
                // of a million fans; with SQLite's default 2 MiB page cache it
                // reads most pages back from the WAL each batch (1M fan-out:
                // 6.8 s with 2 MiB, 5.1 s with 64 MiB). Readers keep the default.
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        let migrator = Self.migrator
        try pool.read { db in try Self.checkOpenable(db, migrator: migrator, path: path) }
        try migrator.migrate(pool)
    }

    /// Readers for page reads, which run on the calling thread: one for each
    /// thread that can run tasks at once (an event loop, or a thread of
    /// Swift's pool: one a core either way), so none waits for a reader.
    static let pageReaders = ProcessInfo.processInfo.activeProcessorCount

    /// Readers for reads run aside on a queue (`SQLiteStorage.read`).
    static let asideReaders = 3

    /// Whether the database answers a trivial query (for health checks), on
    /// the calling thread: GRDB's `async` read would hold a reader while it
    /// waits to resume its task.
    public func ping() throws {
        _ = try pool.unsafeRead { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}

extension AppDatabase {
    /// A read-only view of the database as it is now, unchanged by later
    /// writes: what `fanout copy` reads, chunk after chunk.
    public func makeSnapshot() throws -> DatabaseSnapshot { try pool.makeSnapshot() }
}
