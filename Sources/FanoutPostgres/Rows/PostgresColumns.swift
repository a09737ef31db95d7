import Foundation
import PostgresNIO

/// A row's cells read straight from their binary bytes, for the page
/// decoders: postgres-nio's generic `decode` (tuples, metadata, per-type
/// dispatch) was 13% of Fanout's CPU on the mass-messages list. Any cell in
/// another format or type than expected is left to `decode`, so the values
/// are the same either way.
struct PostgresColumns {
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    func isNull(_ index: Int) -> Bool { cells[index].bytes == nil }

    func int64(_ index: Int) throws -> Int64 {
        let cell = cells[index]
        if cell.format == .binary, var bytes = cell.bytes {
            switch (cell.dataType, bytes.readableBytes) {
            case (.int8, 8): if let value = bytes.readInteger(as: Int64.self) { return value }
            case (.int4, 4): if let value = bytes.readInteger(as: Int32.self) { return Int64(value) }
            default: break
            }
        }
        return try cell.decode(Int64.self)
    }

    func optionalInt64(_ index: Int) throws -> Int64? { isNull(index) ? nil : try int64(index) }

    func int(_ index: Int) throws -> Int { Int(try int64(index)) }

    func bool(_ index: Int) throws -> Bool {
        let cell = cells[index]
        if cell.format == .binary, cell.dataType == .bool, var bytes = cell.bytes, bytes.readableBytes == 1,
           let value = bytes.readInteger(as: UInt8.self) {
            return value != 0
        }
        return try cell.decode(Bool.self)
    }

    func optionalText(_ index: Int) throws -> String? {
        let cell = cells[index]
        guard let bytes = cell.bytes else { return nil }
        if cell.dataType == .text || cell.dataType == .varchar { return String(buffer: bytes) }
        return try cell.decode(String.self)
    }

    func text(_ index: Int) throws -> String { try optionalText(index) ?? cells[index].decode(String.self) }

    /// As postgres-nio computes it: microseconds since 2000-01-01, one division.
    func optionalDate(_ index: Int) throws -> Date? {
        let cell = cells[index]
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .binary, cell.dataType == .timestamptz || cell.dataType == .timestamp, bytes.readableBytes == 8,
           let microseconds = bytes.readInteger(as: Int64.self) {
            return Date(timeInterval: Double(microseconds) / 1_000_000, since: Self.epoch)
        }
        return try cell.decode(Date.self)
    }

    func date(_ index: Int) throws -> Date { try optionalDate(index) ?? cells[index].decode(Date.self) }

    /// A one-dimensional `bigint[]` without NULLs (the packed attachments).
    func int64Array(_ index: Int) throws -> [Int64] {
        let cell = cells[index]
        if cell.format == .binary, cell.dataType == .int8Array, var bytes = cell.bytes,
           let dimensions = bytes.readInteger(as: Int32.self), let hasNulls = bytes.readInteger(as: Int32.self),
           bytes.readInteger(as: UInt32.self) == PostgresDataType.int8.rawValue, hasNulls == 0 {
            if dimensions == 0 { return [] }
            if dimensions == 1, let count = bytes.readInteger(as: Int32.self), bytes.readInteger(as: Int32.self) != nil,
               count >= 0, bytes.readableBytes == Int(count) * 12 {
                var values: [Int64] = []
                values.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard bytes.readInteger(as: Int32.self) == 8, let value = bytes.readInteger(as: Int64.self) else { break }
                    values.append(value)
                }
                if values.count == Int(count) { return values }
            }
        }
        return try cell.decode([Int64].self)
    }

    private static let epoch = Date(timeIntervalSince1970: 946_684_800)
}
