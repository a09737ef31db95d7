/// The few spellings in which the two engines differ inside otherwise
/// shared SQL text.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// The larger of two values (SQLite's scalar `MAX`).
    public var greatest: String {
        switch self {
        case .sqlite: "MAX"
        case .postgres: "GREATEST"
        }
    }

    /// The position of `needle` in `haystack` from 1, 0 when absent.
    public func position(of needle: String, in haystack: String) -> String {
        switch self {
        case .sqlite: "instr(\(haystack), \(needle))"
        case .postgres: "strpos(\(haystack), \(needle))"
        }
    }

    /// A fresh webhook event id, `msg_` and 24 hex digits, per row of a
    /// select over webhook endpoints `e`.
    public var newEventID: String {
        switch self {
        case .sqlite: "'msg_' || lower(hex(randomblob(12)))"
        case .postgres: "'msg_' || substr(md5(random()::text || clock_timestamp()::text || e.id::text), 1, 24)"
        }
    }
}

extension SQLDialect {
    /// A NULL in a column that holds dates, where the type must be spelled
    /// (PostgreSQL's side of a union).
    public var nullDate: String {
        switch self {
        case .sqlite: "NULL"
        case .postgres: "NULL::timestamptz"
        }
    }
}
