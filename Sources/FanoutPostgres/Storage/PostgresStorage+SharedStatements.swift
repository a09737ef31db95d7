import FanoutCore
import FanoutSQL
import PostgresNIO

extension PostgresStorage {
    /// Applies an event's effects, in the caller's transaction.
    func apply(_ db: PostgresConnection, _ effects: [WriteEffect]) async throws {
        for effect in effects {
            for statement in effect.statements(.postgres) { try await db.run(statement.postgresQuery, logger) }
        }
    }
}

extension SQLStatement {
    /// The statement with `$n` placeholders and its values bound.
    var postgresQuery: PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .integer(let value): binds.append(value)
            case .double(let value): binds.append(value)
            case .text(let value): binds.append(value)
            case .blob(let value): binds.append(ByteBuffer(bytes: value))
            case .bool(let value): binds.append(value)
            case .date(let value): binds.append(value)
            case .null: binds.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: postgresText, binds: binds)
    }
}

extension PostgresConnection {
    /// A shared statement's rows.
    func rows(_ statement: SQLStatement, _ logger: Logger) async throws -> [PostgresRow] {
        try await rows(statement.postgresQuery, logger)
    }

    /// The first column of a shared statement's first row.
    func value<T: PostgresDecodable>(_ type: T.Type, _ statement: SQLStatement, _ logger: Logger) async throws -> T? {
        try await value(type, statement.postgresQuery, logger)
    }

    /// Runs a shared statement; how many rows it returned.
    @discardableResult
    func run(_ statement: SQLStatement, _ logger: Logger) async throws -> Int {
        try await run(statement.postgresQuery, logger)
    }
}
