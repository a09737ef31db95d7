import FanoutSQL
import Foundation
import GRDB
import NIOCore
import PostgresNIO

/// One column of a chunk of rows, as PostgreSQL's `unnest` takes it: an
/// array of values (a placeholder where SQLite had NULL) and an array saying
/// which are there.
struct ColumnBuffer: Sendable {
    private(set) var present: [Bool] = []
    let kind: SchemaTable.Kind
    private var integers: [Int64] = [], texts: [String] = [], booleans: [Bool] = []
    private var dates: [Date] = [], reals: [Double] = [], bytes: [ByteBuffer] = []

    init(kind: SchemaTable.Kind) { self.kind = kind }

    /// PostgreSQL's array type for the values.
    var arrayType: String {
        switch kind {
        case .integer: "bigint[]"
        case .text: "text[]"
        case .boolean: "boolean[]"
        case .date: "timestamptz[]"
        case .real: "double precision[]"
        case .bytes: "bytea[]"
        }
    }

    mutating func append(_ row: Row, at index: Int) {
        let isNull = row.hasNull(atIndex: index)
        present.append(!isNull)
        switch kind {
        case .integer: integers.append(isNull ? 0 : row[index])
        case .text: texts.append(isNull ? "" : row[index])
        case .boolean: booleans.append(isNull ? false : row[index])
        case .date: dates.append(isNull ? Date(timeIntervalSince1970: 0) : (row[index] as Date?) ?? Date(timeIntervalSince1970: 0))
        case .real: reals.append(isNull ? 0 : row[index])
        case .bytes: bytes.append(ByteBuffer(bytes: isNull ? [] : Array(row[index] as Data)))
        }
    }

    /// Binds the values, then the presence flags.
    func bind(into binds: inout PostgresBindings) {
        switch kind {
        case .integer: binds.append(integers)
        case .text: binds.append(texts)
        case .boolean: binds.append(booleans)
        case .date: binds.append(dates)
        case .real: binds.append(reals)
        case .bytes: binds.append(bytes)
        }
        binds.append(present)
    }
}
