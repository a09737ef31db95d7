import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage {
    /// Applies an event's effects, in the caller's transaction.
    static func apply(_ db: Database, _ effects: [WriteEffect]) throws {
        for effect in effects {
            for statement in effect.statements(.sqlite) { try db.run(statement) }
        }
    }
}

extension Database {
    /// Runs a shared statement (cached, as it runs again); its rows when it ends in `RETURNING`.
    @discardableResult
    func run(_ statement: SQLStatement) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: statement.sql), arguments: statement.databaseArguments)
    }
}

extension Database {
    /// The first column of a shared statement's first row.
    func value<T: DatabaseValueConvertible>(_ type: T.Type, _ statement: SQLStatement) throws -> T? {
        try T.fetchOne(cachedStatement(sql: statement.sql), arguments: statement.databaseArguments)
    }

    /// Runs a shared statement that returns no rows; how many rows it changed.
    @discardableResult
    func execute(_ statement: SQLStatement) throws -> Int {
        try run(statement)
        return changesCount
    }
}

extension SQLStatement {
    var databaseArguments: StatementArguments { StatementArguments(arguments.map(\.databaseValue)) }
}

extension SQLValue {
    /// Bound as the columns already hold it: a date as GRDB's text, a boolean as 0/1.
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let value): Data(value).databaseValue
        case .bool(let value): value.databaseValue
        case .date(let value): value.databaseValue
        case .null: .null
        }
    }
}
