package import Foundation

/// Turns the wire's strings and numbers into the values the public types
/// hold, throwing ``FanoutClientError/invalidResponse(field:value:)`` for
/// what does not parse rather than inventing a value.
package enum WireValue {
    /// An ISO 8601 date as the API writes it (`2026-12-07T19:35:46+00:00`,
    /// `Z`, with or without fractional seconds), or a day (`2026-12-07`, its
    /// midnight UTC).
    package static func date(_ text: String, field: String) throws -> Date {
        if let date = try? Date(text, strategy: plain) { return date }
        if let date = try? Date(text, strategy: fractional) { return date }
        if text.utf8.count == 10, let date = try? Date(text, strategy: day) { return date }
        throw FanoutClientError.invalidResponse(field: field, value: text)
    }

    /// nil for a missing or empty date (the API's "never").
    @_disfavoredOverload
    package static func date(_ text: String?, field: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return try date(text, field: field) as Date
    }

    package static func optionalDate(_ text: String?, field: String) throws -> Date? { try date(text, field: field) }

    /// A JSON number read as money: the shortest decimal that reads back as
    /// the same Double (`9.99`, not `9.9900000000000002`), so cents stay cents.
    package static func money(_ number: Double, field: String) throws -> Decimal {
        guard number.isFinite, let value = Decimal(string: "\(number)", locale: posix) else {
            throw FanoutClientError.invalidResponse(field: field, value: "\(number)")
        }
        return value
    }

    /// A decimal string read as money (`"0"`, `"12.50"`).
    package static func money(_ text: String, field: String) throws -> Decimal {
        // `-?digits(.digits)?` in ASCII only: Decimal(string:) reads the
        // longest valid prefix, so "1.2.3" would otherwise come out as 1.2.
        let bytes = Array(text.utf8)
        let unsigned = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        let parts = unsigned.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: ArraySlice<UInt8>) in !part.isEmpty && part.count <= 40 && part.allSatisfy { (0x30...0x39).contains($0) } }
        guard !parts.isEmpty, parts.allSatisfy(isDigits), let value = Decimal(string: text, locale: posix) else {
            throw FanoutClientError.invalidResponse(field: field, value: text)
        }
        return value
    }

    /// A count the API sends as a JSON number (`3`, `3.0`): a whole number
    /// in Int's range, else the response is invalid (`Int(3.5)` would drop,
    /// `Int(1e300)` would trap).
    package static func whole(_ number: Double, field: String) throws -> Int {
        guard let value = Int(exactly: number) else { throw FanoutClientError.invalidResponse(field: field, value: "\(number)") }
        return value
    }

    /// A URL the API sends as a string (nil for an empty one).
    package static func url(_ text: String?) -> URL? {
        guard let text, !text.isEmpty else { return nil }
        return URL(string: text)
    }

    /// A date as the API's query parameters take it.
    package static func string(_ date: Date) -> String { date.formatted(plain) }

    /// Money as the API's request bodies take it: a JSON number.
    package static func number(_ money: Decimal) -> Double { NSDecimalNumber(decimal: money).doubleValue }

    private static let plain = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
    private static let posix = Locale(identifier: "en_US_POSIX")
}
