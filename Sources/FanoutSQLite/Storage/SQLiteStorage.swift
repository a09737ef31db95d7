import FanoutCore
import GRDB

/// The storage protocols on SQLite. Each protocol's implementation lives in
/// its own `SQLiteStorage+….swift`.
public struct SQLiteStorage: Sendable {
    let pool: DatabasePool
    let media = MediaCache()
    let waits: DatabaseWaits?

    public init(database: AppDatabase, waits: DatabaseWaits? = nil) {
        pool = database.pool
        self.waits = waits
    }

    /// `body` on a reader, in one read transaction (one snapshot).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard let waits else { return try await pool.read(body) }
        let start = ContinuousClock.now
        return try await pool.read { db in
            waits.record(.read, since: start)
            return try body(db)
        }
    }

    /// `body` in one write transaction. A request with an `Idempotency-Key`
    /// marks its key written in the same transaction, or writes nothing when
    /// it lost the key. (The claim is read here: GRDB runs `body` off the task.)
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let claim = IdempotencyClaim.current
        let start = ContinuousClock.now, waits = waits
        return try await pool.write { db in
            waits?.record(.write, since: start)
            let result = try body(db)
            if let claim { try Self.markWritten(db, claim) }
            return result
        }
    }
}
