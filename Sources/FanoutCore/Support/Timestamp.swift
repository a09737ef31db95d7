import Foundation

/// "2026-11-22T18:37:32+00:00": whole seconds (the fraction dropped), UTC,
/// as the API writes every date. Computed directly (days → civil date,
/// Hinnant's algorithm): Foundation's ISO 8601 format style costs
/// microseconds per date, and a chat page carries dozens of them.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        // Years 0000 to 9999 only: a date outside (a sandbox clock moved by
        // millennia, a row) is written as the nearest end, since Int64(Double)
        // traps past its range and four digits hold no more.
        let raw = date.timeIntervalSince1970.rounded(.down)
        let seconds = raw.isNaN ? 0 : Int64(min(max(raw, -62_167_219_200), 253_402_300_799))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

        digits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3_600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, count: 2, to: &bytes)
        bytes.append(contentsOf: "+00:00".utf8)
    }

    private static func digits(_ value: Int64, count: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
