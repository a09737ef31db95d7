import FanoutCore
import Dispatch
import GRDB

/// The storage protocols on SQLite. Each protocol's implementation lives in
/// its own `SQLiteStorage+….swift`.
public struct SQLiteStorage: Sendable {
    let pool: DatabasePool
    let media = MediaCache()
    let waits: DatabaseWaits?
    /// Where reads run (concurrent; past GRDB's reader count, a read waits for a free reader).
    let readQueue = DispatchQueue(label: "fanout.sqlite.read", attributes: .concurrent)

    public init(database: AppDatabase, waits: DatabaseWaits? = nil) {
        pool = database.pool
        self.waits = waits
    }

    /// `body` on a reader, in one read transaction (one snapshot), run on
    /// `readQueue` with GRDB's blocking `read`: one hop off the task and one
    /// back. GRDB's `async` read takes three (a serial queue that waits for a
    /// free reader, the reader's queue, then the task): `perf stat` counted
    /// about four context switches per chats-list request with it, and 1.1–1.3
    /// with this (README, Performance). A read is not interrupted when its
    /// task is cancelled (reads are bounded pages).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let start = ContinuousClock.now, pool = pool
        return try await withCheckedThrowingContinuation { continuation in
            readQueue.async {
                continuation.resume(with: Result {
                    try pool.read { db in
                        waits?.record(.read, since: start)
                        return try body(db)
                    }
                })
            }
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
