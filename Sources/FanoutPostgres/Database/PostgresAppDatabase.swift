import Logging
import NIOCore
import PostgresNIO

/// One Fanout deployment's PostgreSQL: a migrated database and the client
/// (connection pools) every storage call goes through. The clients are a
/// `Service`: `serve` runs them in its service group; commands and tests run
/// them around their work with `withDatabase`.
public struct PostgresAppDatabase: Sendable {
    public let clients: PostgresClients
    public let url: PostgresURL
    let logger: Logger

    /// Checks that the database answers and migrates it (one connection, a
    /// connect timeout: an unreachable server fails here, in one line), then
    /// makes the clients. They must run (`clients.run()`) before use.
    public static func open(
        _ url: PostgresURL, logger: Logger, connectTimeout: Duration = .seconds(10),
        maximumConnections: Int = PostgresClients.defaultMaximumConnections
    ) async throws -> PostgresAppDatabase {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: url.connectionConfiguration(connectTimeout: connectTimeout), id: 1, logger: logger)
        } catch {
            throw PostgresOpenError(url: url, underlying: error)
        }
        do {
            try await PostgresMigrator(PostgresSchema.migrations).migrate(connection, logger: logger)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresOpenError(url: url, underlying: error)
        }
        return PostgresAppDatabase(
            clients: PostgresClients(
                configuration: url.configuration(connectTimeout: connectTimeout), maximumConnections: maximumConnections, logger: logger),
            url: url, logger: logger)
    }

    /// Opens the database, runs its clients for `body`, and stops them after.
    public static func withDatabase<T: Sendable>(
        _ url: PostgresURL, logger: Logger, _ body: @Sendable (PostgresAppDatabase) async throws -> T
    ) async throws -> T {
        let database = try await open(url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.clients.run() }
            defer { group.cancelAll() }
            // Let run() begin before the first lease (which otherwise waits, with a warning).
            try await Task.sleep(for: .milliseconds(10))
            return try await body(database)
        }
    }

    /// Whether the database answers a trivial query (for health checks): its
    /// row read, so the answer has come back, not just the query gone out.
    public func ping() async throws {
        for try await _ in try await clients.query("SELECT 1", logger: logger) {}
    }
}

/// Why the database could not be used, in one line, without the password.
public struct PostgresOpenError: Error, CustomStringConvertible {
    public let url: PostgresURL
    public let underlying: any Error

    public var description: String {
        "Cannot use PostgreSQL at \(url.redacted): \(Self.reason(underlying))"
    }

    /// PSQLError hides its details from `description` (they may hold data);
    /// the server's message and the connection failure are safe to show.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let cause = error.underlying { return String(describing: cause) }
            return "\(error.code)"
        }
        if let error = error as? PostgresMigrationError { return error.description }
        return String(describing: error)
    }
}
