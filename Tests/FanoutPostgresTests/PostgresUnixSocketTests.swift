import FanoutPostgres
import Foundation
import PostgresNIO
import Testing

/// On one machine an operator can point Fanout at PostgreSQL's Unix socket
/// (`?host=/dir`); the test cluster listens on one in its folder.
@Suite(.enabled(if: TestPostgres.socketDirectory != nil, "no PostgreSQL socket folder: set FANOUT_TEST_POSTGRES_DIR (scripts/test starts one)"))
struct PostgresUnixSocketTests {
    @Test func aDatabaseOpenedThroughItsSocketMigratesAndAnswersOverTheSocket() async throws {
        try await TestPostgres.withDatabase { tcp in
            let url = try PostgresURL("postgres://\(tcp.username)@/\(tcp.database!)?host=\(try #require(TestPostgres.socketDirectory))&port=\(tcp.port)")
            let overSocket = try await PostgresAppDatabase.withDatabase(url, logger: TestPostgres.logger) { database in
                // A client on a Unix socket has no address; the migrations ran through it too.
                let rows = try await database.clients.query(
                    "SELECT inet_client_addr() IS NULL, to_regclass('mass_message') IS NOT NULL", logger: TestPostgres.logger)
                var answers: [Bool] = []
                for try await (noAddress, migrated) in rows.decode((Bool, Bool).self) { answers += [noAddress, migrated] }
                return answers
            }
            #expect(overSocket == [true, true])
        }
    }
}
