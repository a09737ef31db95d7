import Logging
import PostgresNIO

/// Applies the migrations a database lacks, in order, each recorded in
/// `fanout_migrations`. Every instance runs it at start: all of it is one
/// transaction under a transaction-scoped advisory lock, so one instance
/// migrates while the others wait, then find nothing left to do; a failed
/// migration leaves the schema as it was.
public struct PostgresMigrator: Sendable {
    /// The advisory lock every Fanout instance on a database takes to migrate.
    static let lockKey: Int64 = 0x4661_6E6F_7574  // "Fanout"

    public let migrations: [PostgresMigration]

    public init(_ migrations: [PostgresMigration]) { self.migrations = migrations }

    /// Returns the names this call applied (none when another instance did).
    @discardableResult
    public func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        do {
            return try await apply(connection, logger: logger)
        } catch let error as PostgresTransactionError {
            // Say what went wrong inside, not that a transaction did.
            throw error.closureError ?? error
        }
    }

    /// The same on a connection of `client`'s.
    @discardableResult
    public func migrate(_ client: PostgresClient, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in try await migrate(connection, logger: logger) }
    }

    private func apply(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let known = Set(migrations.map(\.name))
        return try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS fanout_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM fanout_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            if let unknown = applied.subtracting(known).sorted().first {
                throw PostgresMigrationError(
                    description: "The database has migration \"\(unknown)\", which this Fanout does not know: a newer version migrated it.")
            }
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO fanout_migrations (name) VALUES (\(migration.name))", logger: logger)
                done.append(migration.name)
            }
            return done
        }
    }
}

public struct PostgresMigrationError: Error, CustomStringConvertible {
    public let description: String
}
