import FanoutPostgres
import FanoutTestSupport
import PostgresNIO
import Testing

/// Real PostgreSQL: several instances starting at once migrate a database
/// exactly once; new migrations are appended; a database from a newer
/// Fanout is refused.
@Suite(.needsPostgreSQL)
struct PostgresMigratorTests {
    /// The second one counts how often it ran, slowly, to widen any race.
    static let migrations = [
        PostgresMigration("createLedger", ["CREATE TABLE ledger (id bigint PRIMARY KEY)", "CREATE TABLE runs (n int)"]),
        PostgresMigration("countRuns", ["SELECT pg_sleep(0.2)", "INSERT INTO runs VALUES (1)"]),
    ]

    static func count(_ client: PostgresClient, _ sql: String) async throws -> Int {
        var result = 0
        for try await n in try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger).decode(Int.self) { result = n }
        return result
    }

    @Test func threeInstancesStartingTogetherMigrateOnce() async throws {
        try await TestPostgres.withDatabase { url in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await TestPostgres.withClient(url) { client in
                            try await PostgresMigrator(Self.migrations).migrate(client, logger: TestPostgres.logger)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let migrated = applied.filter { !$0.isEmpty }
            #expect(migrated == [["createLedger", "countRuns"]], "one instance migrated, the others waited")
            try await TestPostgres.withClient(url) { client in
                let runs = try await Self.count(client, "SELECT count(*)::int FROM runs")
                let recorded = try await Self.count(client, "SELECT count(*)::int FROM fanout_migrations")
                #expect(runs == 1 && recorded == 2)
            }
        }
    }

    @Test func newMigrationsAreAppliedAndAnUnknownOneIsRefused() async throws {
        try await TestPostgres.withDatabase { url in
            try await TestPostgres.withClient(url) { client in
                try await PostgresMigrator(Self.migrations).migrate(client, logger: TestPostgres.logger)
                let next = Self.migrations + [PostgresMigration("addLedgerNote", ["ALTER TABLE ledger ADD COLUMN note text"])]
                #expect(try await PostgresMigrator(next).migrate(client, logger: TestPostgres.logger) == ["addLedgerNote"])
                #expect(try await PostgresMigrator(next).migrate(client, logger: TestPostgres.logger) == [])
                #expect(try await Self.count(client, "SELECT count(*)::int FROM runs") == 1)

                // The older list: the database knows a migration it does not.
                await #expect(throws: PostgresMigrationError.self) {
                    try await PostgresMigrator(Self.migrations).migrate(client, logger: TestPostgres.logger)
                }
            }
        }
    }

    @Test func aFailingMigrationLeavesTheSchemaAsItWas() async throws {
        try await TestPostgres.withDatabase { url in
            try await TestPostgres.withClient(url) { client in
                let broken = Self.migrations + [PostgresMigration("broken", ["CREATE TABLE half (id int)", "SELECT no_such_function()"])]
                await #expect(throws: (any Error).self) { try await PostgresMigrator(broken).migrate(client, logger: TestPostgres.logger) }
                let tables = try await Self.count(client, "SELECT count(*)::int FROM pg_tables WHERE tablename IN ('ledger', 'half')")
                #expect(tables == 0)
                let applied = try await PostgresMigrator(Self.migrations).migrate(client, logger: TestPostgres.logger)
                #expect(applied == ["createLedger", "countRuns"])
            }
        }
    }
}
