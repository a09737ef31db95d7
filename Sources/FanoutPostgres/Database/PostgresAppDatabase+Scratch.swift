import Foundation
import Logging
import PostgresNIO

extension PostgresAppDatabase {
    /// A new, empty, migrated database on `server` (named `prefix_<random>`)
    /// for `body`, dropped after: tests and benchmarks each get their own,
    /// so they run side by side on one cluster.
    public static func withScratchDatabase<T: Sendable>(
        on server: PostgresURL, prefix: String = "fanout_scratch", logger: Logger,
        _ body: @Sendable (PostgresAppDatabase) async throws -> T
    ) async throws -> T {
        let name = "\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await onServer(server, logger: logger, "CREATE DATABASE \(name)")
        var scratch = server
        scratch.database = name
        do {
            let result = try await withDatabase(scratch, logger: logger, body)
            try await onServer(server, logger: logger, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await onServer(server, logger: logger, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// One statement on one short-lived connection (CREATE/DROP DATABASE
    /// cannot run in a transaction).
    private static func onServer(_ server: PostgresURL, logger: Logger, _ sql: String) async throws {
        let connection = try await PostgresConnection.connect(configuration: server.connectionConfiguration(), id: 0, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
