import Foundation

/// A value bound to a statement. Each engine binds it as it already stores
/// that kind: SQLite a date as GRDB's text and a boolean as 0/1, PostgreSQL
/// `timestamptz` and `boolean`.
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
    case bool(Bool)
    case date(Date)
    case null
}

/// SQL text both engines run, with `?` placeholders (or `?1`, `?2`… when a
/// value is used twice; never both kinds in one statement) and its values.
/// SQLite runs it as is; PostgreSQL through `postgresText`.
public struct SQLStatement: Sendable, Equatable {
    public var sql: String
    public var arguments: [SQLValue]

    public init(_ sql: String, _ arguments: [SQLValue]) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The text with PostgreSQL's placeholders: the n-th `?` becomes `$n`,
    /// `?k` becomes `$k`; a `?` inside a quoted literal stays.
    public var postgresText: String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 8)
        var next = 0
        var quoted = false
        var characters = sql[...]
        while let character = characters.popFirst() {
            if character == "'" { quoted.toggle() }
            guard character == "?", !quoted else {
                result.append(character)
                continue
            }
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            if digits.isEmpty {
                next += 1
                result += "$\(next)"
            } else {
                result += "$\(digits)"
                characters = characters.dropFirst(digits.count)
            }
        }
        return result
    }
}

extension SQLValue {
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Date?) { self = value.map(SQLValue.date) ?? .null }
    public init(_ value: [UInt8]?) { self = value.map(SQLValue.blob) ?? .null }
}
