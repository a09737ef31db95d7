import FanoutCore
import FanoutPostgres
import FanoutSQLite
import Logging

/// Where a deployment's data lives: an SQLite file, or a PostgreSQL database
/// (`postgres://` or `postgresql://`), as `--database` names it.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// A `postgres://`/`postgresql://` URL is PostgreSQL; anything else is a file path.
    public init(_ string: String) throws(PostgresURLError) {
        self = PostgresURL.isPostgres(string) ? .postgres(try PostgresURL(string)) : .sqlite(path: string)
    }

    /// For messages: the file, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.redacted
        }
    }
}

/// Opens the storage at `location` (migrating it) for `body` and closes it
/// after: for commands that do one thing and exit.
public func withStorage<T: Sendable>(
    at location: DatabaseLocation, logger: Logger = Logger(label: "fanout"), _ body: @Sendable (any FanoutStorage) async throws -> T
) async throws -> T {
    switch location {
    case .sqlite(let path):
        return try await body(SQLiteStorage(database: try AppDatabase(path: path)))
    case .postgres(let url):
        return try await PostgresAppDatabase.withDatabase(url, logger: logger) { database in
            try await body(PostgresStorage(database: database))
        }
    }
}
