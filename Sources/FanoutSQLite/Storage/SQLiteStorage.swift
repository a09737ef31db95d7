import FanoutCore
import GRDB

/// The storage protocols on SQLite. Each protocol's implementation lives in
/// its own `SQLiteStorage+….swift`.
public struct SQLiteStorage: Sendable {
    let pool: DatabasePool
    let media = MediaCache()

    public init(database: AppDatabase) { pool = database.pool }
}
