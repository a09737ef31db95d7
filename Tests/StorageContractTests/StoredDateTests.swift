import Foundation
import GRDB
import Testing
@testable import FanoutSQLite

/// `StoredDate` parses the text GRDB stores; it must read back the date that
/// was written (to the millisecond GRDB keeps) and agree with GRDB's own
/// decoding, which goes through `Calendar` and can be off by a rounding error
/// of well under a microsecond; other shapes are left to GRDB.
@Suite struct StoredDateTests {
    @Test func readsWhatGRDBWroteAsGRDBWould() throws {
        let queue = try DatabaseQueue()
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5), Date(timeIntervalSince1970: 4_102_444_799.999)]
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: Double(Int.random(in: 0..<4_102_444_800_000, using: &generator)) / 1_000))
        }
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME)")
            for date in dates { try db.execute(sql: "INSERT INTO t (at) VALUES (?)", arguments: [date]) }
            try db.execute(sql: "INSERT INTO t (at) VALUES (NULL), ('2026-11-22 18:37:32'), (1790000000)")
            let rows = try Row.fetchAll(db, sql: "SELECT at FROM t ORDER BY id")
            #expect(rows.count == dates.count + 3)
            for (row, written) in zip(rows, dates) {
                let read = try #require(StoredDate.read(row, 0) as Date?)
                let grdb = try #require(row[0] as Date?)
                #expect(read == Date(timeIntervalSince1970: (written.timeIntervalSince1970 * 1_000).rounded() / 1_000), "\(written)")
                #expect(abs(read.timeIntervalSince1970 - grdb.timeIntervalSince1970) < 1e-6)
            }
            let others = rows.suffix(3).map { row -> Date? in StoredDate.read(row, 0) }
            #expect(others[0] == nil)
            #expect(others[1] == rows[dates.count + 1][0] as Date?, "CURRENT_TIMESTAMP's shape, without milliseconds")
            #expect(others[2] == Date(timeIntervalSince1970: 1_790_000_000), "a number is left to GRDB")
        }
    }
}
