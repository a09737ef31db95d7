import FanoutCore
import Logging
import PostgresNIO

/// The storage protocols on PostgreSQL. Each protocol's implementation lives
/// in its own `PostgresStorage+….swift`; every write is one transaction.
public struct PostgresStorage: Sendable {
    let clients: PostgresClients
    let logger: Logger
    let media = MediaCache()
    let names = UserNameCache()
    let massMessageFacts = MassMessageFactsCache()
    let waits: DatabaseWaits?

    public init(database: PostgresAppDatabase, waits: DatabaseWaits? = nil) {
        clients = database.clients
        logger = database.logger
        self.waits = waits
    }

    /// `body` on one pooled connection, outside any transaction (one
    /// statement, or reads that need no common snapshot).
    @discardableResult
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        return try await clients.withConnection { connection in
            waits?.record(.read, since: start)
            return try await body(connection)
        }
    }

    /// `body` in one transaction; the error it threw, not a wrapper, when it
    /// fails. A request with an `Idempotency-Key` marks its key written in
    /// the same transaction, or writes nothing when it lost the key.
    @discardableResult
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let claim = IdempotencyClaim.current
        return try await transaction { connection in
            let result = try await body(connection)
            if let claim { try await markWritten(connection, claim) }
            return result
        }
    }

    /// `body` in one transaction, marking nothing; its wait counted as `access`.
    func transaction<T: Sendable>(
        _ access: DatabaseWaits.Access = .write, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            // The wait ends when the body starts: a pooled connection, and its BEGIN.
            let start = ContinuousClock.now
            return try await clients.withTransaction(logger: logger) { connection in
                waits?.record(access, since: start)
                return try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.commitError ?? error
        }
    }

    /// `body` in one REPEATABLE READ, READ ONLY transaction: several reads
    /// that must see one snapshot (a page and the checks before it).
    func snapshot<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await transaction(.read) { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            return try await body(connection)
        }
    }
}

extension PostgresConnection {
    /// Every row of `query`.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// The first column of the first row, if any.
    func value<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, _ logger: Logger) async throws -> T? {
        guard let row = try await rows(query, logger).first else { return nil }
        return try row.decode(T.self)
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, _ logger: Logger) async throws -> [T] {
        try await rows(query, logger).map { try $0.decode(T.self) }
    }

    /// Runs `query`; how many rows it returned (use `RETURNING 1` to count changed rows).
    @discardableResult
    func run(_ query: PostgresQuery, _ logger: Logger) async throws -> Int {
        try await rows(query, logger).count
    }
}

extension PageRequest {
    /// How many rows each side of a merged page may need: the page (+1)
    /// after the offset, saturated (an offset near Int64.max is an empty
    /// page, not an overflow).
    var sideLimit: Int {
        let (sum, overflow) = (limit + 1).addingReportingOverflow(offset)
        return overflow ? .max : sum
    }
}
