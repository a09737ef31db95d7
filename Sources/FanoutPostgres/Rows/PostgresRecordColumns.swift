import Foundation
import NIOCore
import PostgresNIO

/// The rows of a page that PostgreSQL packed into one cell,
/// `array_agg(ROW(…))`, read field by field from its binary form (a
/// `record[]`: the array header, then each record's field count and, per
/// field, its type, length and bytes). Each returned row and each of its
/// cells otherwise cost postgres-nio a message decode, a row, an async
/// iteration step and a cell, with their retains and releases: on the chat
/// page that was a third of the server's PostgreSQL-only CPU (`perf`),
/// where reading a record's fields is a few integer reads.
enum PostgresPackedRows {
    /// Each record of the packed cell (none when it is NULL: `array_agg` of no rows).
    static func records(_ cell: PostgresCell) throws -> [PostgresRecordColumns] {
        guard var bytes = cell.bytes else { return [] }
        guard cell.format == .binary, let dimensions = bytes.readInteger(as: Int32.self),
              bytes.readInteger(as: Int32.self) != nil, bytes.readInteger(as: UInt32.self) != nil
        else { throw PostgresPackedRowsError(reason: "not a binary array") }
        if dimensions == 0 { return [] }
        guard dimensions == 1, let count = bytes.readInteger(as: Int32.self), count >= 0, bytes.readInteger(as: Int32.self) != nil
        else { throw PostgresPackedRowsError(reason: "not a one-dimensional array") }
        var records: [PostgresRecordColumns] = []
        records.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = bytes.readInteger(as: Int32.self), length >= 0, let record = bytes.readSlice(length: Int(length))
            else { throw PostgresPackedRowsError(reason: "a NULL or truncated record") }
            records.append(try PostgresRecordColumns(record))
        }
        return records
    }

    /// The records of the first row's first cell (a packed page is one row).
    static func records(_ rows: [PostgresRow]) throws -> [PostgresRecordColumns] {
        guard let row = rows.first else { return [] }
        var cells = row.makeIterator()
        guard let cell = cells.next() else { throw PostgresPackedRowsError(reason: "a row without cells") }
        return try records(cell)
    }
}

struct PostgresPackedRowsError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "Unexpected packed page from PostgreSQL: \(reason)" }
}

/// One record's fields, read in order (a field may be skipped, not read
/// back), with `PostgresColumns`' accessors. The types are those of the
/// statement's expressions, so a type other than expected is a bug in the
/// statement: it throws rather than converting.
struct PostgresRecordColumns: PostgresColumnReading {
    private var bytes: ByteBuffer
    private let count: Int
    /// The index of the field `bytes` starts at.
    private var position = 0

    init(_ record: ByteBuffer) throws {
        var record = record
        guard let count = record.readInteger(as: Int32.self), count >= 0 else {
            throw PostgresPackedRowsError(reason: "a record without a field count")
        }
        self.bytes = record
        self.count = Int(count)
    }

    /// Field `index`'s type and bytes (nil: NULL), skipping those before it.
    private mutating func field(_ index: Int) throws -> (type: UInt32, bytes: ByteBuffer?) {
        guard index >= position, index < count else {
            throw PostgresPackedRowsError(reason: "field \(index) read after field \(position - 1) or past \(count)")
        }
        while true {
            guard let type = bytes.readInteger(as: UInt32.self), let length = bytes.readInteger(as: Int32.self) else {
                throw PostgresPackedRowsError(reason: "a truncated record")
            }
            let value: ByteBuffer?
            if length < 0 {
                value = nil
            } else {
                guard let slice = bytes.readSlice(length: Int(length)) else { throw PostgresPackedRowsError(reason: "a truncated field") }
                value = slice
            }
            position += 1
            if position > index { return (type, value) }
        }
    }

    private static func mismatch(_ index: Int, _ type: UInt32, _ expected: String) -> PostgresPackedRowsError {
        PostgresPackedRowsError(reason: "field \(index) is of type \(type), not \(expected)")
    }

    mutating func optionalInt64(_ index: Int) throws -> Int64? {
        let (type, value) = try field(index)
        guard var value else { return nil }
        switch (type, value.readableBytes) {
        case (PostgresDataType.int8.rawValue, 8): if let int = value.readInteger(as: Int64.self) { return int }
        case (PostgresDataType.int4.rawValue, 4): if let int = value.readInteger(as: Int32.self) { return Int64(int) }
        default: break
        }
        throw Self.mismatch(index, type, "bigint")
    }

    mutating func int64(_ index: Int) throws -> Int64 {
        guard let value = try optionalInt64(index) else { throw PostgresPackedRowsError(reason: "field \(index) is NULL") }
        return value
    }

    mutating func optionalBool(_ index: Int) throws -> Bool? {
        let (type, value) = try field(index)
        guard var value else { return nil }
        guard type == PostgresDataType.bool.rawValue, value.readableBytes == 1, let byte = value.readInteger(as: UInt8.self)
        else { throw Self.mismatch(index, type, "boolean") }
        return byte != 0
    }

    mutating func bool(_ index: Int) throws -> Bool {
        guard let value = try optionalBool(index) else { throw PostgresPackedRowsError(reason: "field \(index) is NULL") }
        return value
    }

    mutating func optionalText(_ index: Int) throws -> String? {
        let (type, value) = try field(index)
        guard let value else { return nil }
        guard type == PostgresDataType.text.rawValue || type == PostgresDataType.varchar.rawValue else {
            throw Self.mismatch(index, type, "text")
        }
        return String(buffer: value)
    }

    mutating func text(_ index: Int) throws -> String {
        guard let value = try optionalText(index) else { throw PostgresPackedRowsError(reason: "field \(index) is NULL") }
        return value
    }

    mutating func optionalDate(_ index: Int) throws -> Date? {
        let (type, value) = try field(index)
        guard var value else { return nil }
        guard type == PostgresDataType.timestamptz.rawValue || type == PostgresDataType.timestamp.rawValue,
              value.readableBytes == 8, let microseconds = value.readInteger(as: Int64.self)
        else { throw Self.mismatch(index, type, "timestamptz") }
        return PostgresColumns.date(microseconds: microseconds)
    }

    mutating func date(_ index: Int) throws -> Date {
        guard let value = try optionalDate(index) else { throw PostgresPackedRowsError(reason: "field \(index) is NULL") }
        return value
    }

    mutating func optionalInt64Array(_ index: Int) throws -> [Int64]? {
        let (type, value) = try field(index)
        guard let value else { return nil }
        guard type == PostgresDataType.int8Array.rawValue, let values = PostgresColumns.int64Array(value) else {
            throw Self.mismatch(index, type, "a bigint[] without NULLs")
        }
        return values
    }

    mutating func int64Array(_ index: Int) throws -> [Int64] {
        guard let value = try optionalInt64Array(index) else { throw PostgresPackedRowsError(reason: "field \(index) is NULL") }
        return value
    }
}
