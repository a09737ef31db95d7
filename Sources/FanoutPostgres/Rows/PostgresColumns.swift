import Foundation
import NIOCore
import PostgresNIO

/// A row's cells read straight from their binary bytes, for the page
/// decoders: postgres-nio's generic `decode` (tuples, metadata, per-type
/// dispatch) was 13% of Fanout's CPU on the mass-messages list. Any cell in
/// another format or type than expected is left to `decode`, so the values
/// are the same either way.
struct PostgresColumns: PostgresColumnReading {
    private let row: PostgresRow
    private var iterator: PostgresRow.Iterator
    /// The index of the cell `iterator` yields next.
    private var position = 0

    init(_ row: PostgresRow) {
        self.row = row
        iterator = row.makeIterator()
    }

    /// The cell at `index`, walking the row: read in column order, each cell
    /// is made once, with no copy of the row's cells into an array first as
    /// a random-access row makes (decoding rows, that copy and the cells'
    /// retains and releases, was 13% of Fanout's CPU on the PostgreSQL chat
    /// page; walking took 2-7% off its CPU per page). Reading back starts
    /// the walk over.
    private mutating func cell(_ index: Int) -> PostgresCell {
        if index < position {
            iterator = row.makeIterator()
            position = 0
        }
        while position < index {
            _ = iterator.next()
            position += 1
        }
        position += 1
        guard let cell = iterator.next() else { preconditionFailure("the row has no column \(index)") }
        return cell
    }

    mutating func int64(_ index: Int) throws -> Int64 { try Self.int64(cell(index)) }

    mutating func optionalInt64(_ index: Int) throws -> Int64? {
        let cell = cell(index)
        return cell.bytes == nil ? nil : try Self.int64(cell)
    }

    mutating func bool(_ index: Int) throws -> Bool {
        let cell = cell(index)
        if cell.format == .binary, cell.dataType == .bool, var bytes = cell.bytes, bytes.readableBytes == 1,
           let value = bytes.readInteger(as: UInt8.self) {
            return value != 0
        }
        return try cell.decode(Bool.self)
    }

    mutating func optionalText(_ index: Int) throws -> String? { try Self.optionalText(cell(index)) }

    mutating func text(_ index: Int) throws -> String {
        let cell = cell(index)
        return try Self.optionalText(cell) ?? cell.decode(String.self)
    }

    mutating func optionalDate(_ index: Int) throws -> Date? { try Self.optionalDate(cell(index)) }

    mutating func date(_ index: Int) throws -> Date {
        let cell = cell(index)
        return try Self.optionalDate(cell) ?? cell.decode(Date.self)
    }

    private static func int64(_ cell: PostgresCell) throws -> Int64 {
        if cell.format == .binary, var bytes = cell.bytes {
            switch (cell.dataType, bytes.readableBytes) {
            case (.int8, 8): if let value = bytes.readInteger(as: Int64.self) { return value }
            case (.int4, 4): if let value = bytes.readInteger(as: Int32.self) { return Int64(value) }
            default: break
            }
        }
        return try cell.decode(Int64.self)
    }

    private static func optionalText(_ cell: PostgresCell) throws -> String? {
        guard let bytes = cell.bytes else { return nil }
        if cell.dataType == .text || cell.dataType == .varchar { return String(buffer: bytes) }
        return try cell.decode(String.self)
    }

    /// As postgres-nio computes it: microseconds since 2000-01-01, one division.
    private static func optionalDate(_ cell: PostgresCell) throws -> Date? {
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .binary, cell.dataType == .timestamptz || cell.dataType == .timestamp, bytes.readableBytes == 8,
           let microseconds = bytes.readInteger(as: Int64.self) {
            return date(microseconds: microseconds)
        }
        return try cell.decode(Date.self)
    }

    static func date(microseconds: Int64) -> Date {
        Date(timeInterval: Double(microseconds) / 1_000_000, since: epoch)
    }

    /// A one-dimensional `bigint[]` without NULLs (the packed attachments).
    mutating func int64Array(_ index: Int) throws -> [Int64] {
        let cell = cell(index)
        if cell.format == .binary, cell.dataType == .int8Array, let bytes = cell.bytes, let values = Self.int64Array(bytes) {
            return values
        }
        return try cell.decode([Int64].self)
    }

    /// The values of a binary one-dimensional `bigint[]` without NULLs; nil for anything else.
    static func int64Array(_ array: ByteBuffer) -> [Int64]? {
        var bytes = array
        guard let dimensions = bytes.readInteger(as: Int32.self), let hasNulls = bytes.readInteger(as: Int32.self),
              bytes.readInteger(as: UInt32.self) == PostgresDataType.int8.rawValue, hasNulls == 0
        else { return nil }
        if dimensions == 0 { return [] }
        guard dimensions == 1, let count = bytes.readInteger(as: Int32.self), bytes.readInteger(as: Int32.self) != nil,
              count >= 0, bytes.readableBytes == Int(count) * 12
        else { return nil }
        var values: [Int64] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard bytes.readInteger(as: Int32.self) == 8, let value = bytes.readInteger(as: Int64.self) else { return nil }
            values.append(value)
        }
        return values
    }

    private static let epoch = Date(timeIntervalSince1970: 946_684_800)
}

/// Reading a row's values by column position, in column order: a row's
/// cells (`PostgresColumns`) or a packed record's fields (`PostgresRecordColumns`).
protocol PostgresColumnReading {
    mutating func int64(_ index: Int) throws -> Int64
    mutating func optionalInt64(_ index: Int) throws -> Int64?
    mutating func bool(_ index: Int) throws -> Bool
    mutating func text(_ index: Int) throws -> String
    mutating func optionalText(_ index: Int) throws -> String?
    mutating func date(_ index: Int) throws -> Date
    mutating func optionalDate(_ index: Int) throws -> Date?
    mutating func int64Array(_ index: Int) throws -> [Int64]
}

extension PostgresColumnReading {
    mutating func int(_ index: Int) throws -> Int { Int(try int64(index)) }
}
