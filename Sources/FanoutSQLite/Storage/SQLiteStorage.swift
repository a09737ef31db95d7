import FanoutCore
import Dispatch
import GRDB

/// The storage protocols on SQLite. Each protocol's implementation lives in
/// its own `SQLiteStorage+….swift`.
public struct SQLiteStorage: Sendable {
    let pool: DatabasePool
    let media = MediaCache()
    let waits: DatabaseWaits?
    /// Where reads that may scan run (concurrent, at most `AppDatabase.asideReaders` at once).
    let readQueue = DispatchQueue(label: "fanout.sqlite.read", attributes: .concurrent)
    let asideSlots = DispatchSemaphore(value: AppDatabase.asideReaders)

    public init(database: AppDatabase, waits: DatabaseWaits? = nil) {
        pool = database.pool
        self.waits = waits
    }

    /// `body` on a reader, in one read transaction (one snapshot), run aside
    /// on `readQueue` with GRDB's blocking `read`: one hop off the task and
    /// one back, and the task's thread is free meanwhile. For reads whose
    /// cost is not bounded by a page (text search, deep offsets, scans,
    /// aggregates): `pageRead` is the other kind. GRDB's `async` read takes
    /// three hops. A read is not interrupted when its task is cancelled.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let start = ContinuousClock.now, pool = pool, asideSlots = asideSlots
        return try await withCheckedThrowingContinuation { continuation in
            readQueue.async {
                // Past the slots, wait here, not in GRDB's pool: readers stay free for page reads.
                asideSlots.wait()
                defer { asideSlots.signal() }
                continuation.resume(with: Result { try Self.inTransaction(pool, waits: waits, since: start, body) })
            }
        }
    }

    /// `body` on a reader, in one read transaction, on the calling thread:
    /// for reads bounded by a page (index walks of at most a few dozen rows,
    /// lookups by key), tens of microseconds. `fanout serve` runs tasks on
    /// its event loops, so this is the event loop's thread, as an event-loop
    /// server does its work; a hop to another thread and back cost more than
    /// such a read (docs/performance.md). The pool has a reader for each
    /// event loop besides the aside slots, so this never waits for one; and
    /// no reader is held across a suspension.
    func pageRead<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.inTransaction(pool, waits: waits, since: ContinuousClock.now, body)
    }

    /// `pageRead` when `bounded`, else `read` (aside).
    func read<T: Sendable>(bounded: Bool, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        bounded ? try pageRead(body) : try await read(body)
    }

    /// Whether a page's offset keeps it a page read: SQLite walks and drops
    /// every row before the offset.
    static func isShallow(_ page: PageRequest) -> Bool { page.offset <= 500 }

    /// GRDB's read transaction, begun and ended with cached statements (its
    /// own `read` parses its `BEGIN` anew each time: ~2% of a chat page's profile).
    private static func inTransaction<T>(
        _ pool: DatabasePool, waits: DatabaseWaits?, since start: ContinuousClock.Instant, _ body: (Database) throws -> T
    ) throws -> T {
        try pool.unsafeRead { db in
            waits?.record(.read, since: start)
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            defer {
                // Never leave the reader inside a transaction (an error may already have ended it).
                if (try? db.cachedStatement(sql: "COMMIT TRANSACTION").execute()) == nil, db.isInsideTransaction {
                    try? db.rollback()
                }
            }
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
