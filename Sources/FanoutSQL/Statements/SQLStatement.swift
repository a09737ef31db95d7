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
    /// `?k` becomes `$k`; a `?` inside a '…' literal, a "…" identifier, a
    /// `--` or `/* */` comment stays. Scanned as UTF-8 bytes (every byte the
    /// scan looks for is ASCII): it runs on every shared statement PostgreSQL
    /// executes. PostgreSQL's JSON operators `?`, `?|`, `?&` are not told
    /// apart: shared text must not use them.
    public var postgresText: String {
        let bytes = Array(sql.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var next = 0, index = 0
        /// Copies through `end` (a closing byte sequence), or to the end of the text.
        func copy(through end: [UInt8]) {
            while index < bytes.count {
                if bytes[index...].starts(with: end) {
                    result.append(contentsOf: end)
                    index += end.count
                    return
                }
                result.append(bytes[index])
                index += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                result.append(byte)
                index += 1
                copy(through: [byte])
            case UInt8(ascii: "-") where bytes[index...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]):
                copy(through: [UInt8(ascii: "\n")])
            case UInt8(ascii: "/") where bytes[index...].starts(with: [UInt8(ascii: "/"), UInt8(ascii: "*")]):
                result.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: "*")])
                index += 2
                copy(through: [UInt8(ascii: "*"), UInt8(ascii: "/")])
            case UInt8(ascii: "?"):
                index += 1
                let digitsStart = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                result.append(UInt8(ascii: "$"))
                if index == digitsStart {
                    next += 1
                    result.append(contentsOf: String(next).utf8)
                } else {
                    result.append(contentsOf: bytes[digitsStart..<index])
                }
            default:
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension SQLValue {
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Date?) { self = value.map(SQLValue.date) ?? .null }
    public init(_ value: [UInt8]?) { self = value.map(SQLValue.blob) ?? .null }
}
