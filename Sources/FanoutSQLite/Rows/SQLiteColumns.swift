import Foundation
import GRDB
import GRDBSQLite

/// The current row of a stepped statement, read with SQLite's own column
/// functions. GRDB's `row[i]` goes through generic conversions (metadata
/// lookups, boxing) that showed as ~5% of a chat page's profile; a page
/// decoder knows each column's type, so it asks SQLite directly.
struct SQLiteColumns {
    let handle: SQLiteStatement

    init(_ statement: Statement) { handle = statement.sqliteStatement }

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }

    func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A date as GRDB stores it, parsed from the column's bytes; any other
    /// shape (a number, `CURRENT_TIMESTAMP`'s) is left to GRDB.
    func optionalDate(_ index: Int32) -> Date? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return StoredDate.parse(UnsafeRawBufferPointer(start: bytes, count: count))
            ?? Date.fromDatabaseValue(DatabaseValue(sqliteStatement: handle, index: index))
    }

    func date(_ index: Int32) -> Date { optionalDate(index) ?? Date(timeIntervalSince1970: 0) }

    /// A packed attachment list (`message.media`, `massMessage.media`):
    /// comma-separated `mediaId * 2 + isPreview`, in attachment order.
    func packedMedia(_ index: Int32) -> [Int64] {
        guard let bytes = sqlite3_column_text(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        var elements: [Int64] = []
        var value: Int64 = 0, digits = 0
        for offset in 0..<count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: ",") {
                if digits > 0 { elements.append(value) }
                value = 0
                digits = 0
            } else if byte >= 48, byte <= 57 {
                // Wrapping, not trapping: a row's text is outside input, and
                // an id past Int64 finds no media anyway.
                value = value &* 10 &+ Int64(byte - 48)
                digits += 1
            }
        }
        if digits > 0 { elements.append(value) }
        return elements
    }
}
