import Foundation
import GRDB

/// Reads the dates GRDB stores ("yyyy-MM-dd HH:mm:ss.SSS", UTC) straight from
/// the row's bytes. GRDB's own decoding goes through Foundation's `Calendar`,
/// a few microseconds a date, and a page holds dozens. Anything else (a
/// `CURRENT_TIMESTAMP` default, a number) is left to GRDB.
enum StoredDate {
    static func read(_ row: Row, _ index: Int) -> Date? {
        if row.hasNull(atIndex: index) { return nil }
        let parsed = try? row.withUnsafeData(atIndex: index) { data in data.flatMap { $0.withUnsafeBytes(parse) } }
        return parsed ?? row[index] as Date?
    }

    static func read(_ row: Row, _ index: Int) -> Date {
        let date: Date? = read(row, index)
        return date ?? Date(timeIntervalSince1970: 0)
    }

    /// "yyyy-MM-dd HH:mm:ss" with an optional ".SSS"; nil for other shapes.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Date? {
        guard bytes.count == 19 || bytes.count == 23,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<(start + count) {
                let digit = Int64(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var milliseconds: Int64 = 0
        if bytes.count == 23 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
            milliseconds = fraction
        }
        // Days since 1970-01-01 from a civil date (Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        // One division, so the result is the double nearest the stored instant.
        return Date(timeIntervalSince1970: Double(seconds * 1_000 + milliseconds) / 1_000)
    }
}
