import FanoutCore
import Foundation

/// The pure half of `RequestParameters` and `JSONBody`: one query or path
/// text, or one decoded JSON value, into a value or a 400 naming the field.
/// Swift and Foundation only, so that this very code is fuzzed
/// (`scripts/fuzz parameters`); the request plumbing stays in the callers.
enum ParameterParsing {
    // MARK: Query and path text

    /// An integer in `range`; nil for `null` when `nullable`. Digits past Int
    /// read as Int.max where the range has no upper bound (an offset past
    /// every row), else are refused.
    static func integer(_ raw: String, name: String, in range: ClosedRange<Int>, nullable: Bool = false) throws(FanoutError) -> Int? {
        if nullable, raw == "null" { return nil }
        let allowed = range.upperBound == Int.max
            ? "an integer >= \(range.lowerBound)" : "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard isInteger(raw), let value = Int(raw) ?? unboundedOverflow(raw, range), range.contains(value) else {
            throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected \(allowed)", field: name, allowed: allowed)
        }
        return value
    }

    /// Digits only (`^\d+$`). Ids too large for 64 bits cannot exist: they read
    /// as Int64.max, which finds nothing.
    static func id(_ raw: String, name: String) throws(FanoutError) -> Int64 {
        guard !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected digits only", field: name, allowed: "^\\d+$")
        }
        return Int64(raw) ?? .max
    }

    /// A number of 1 to 9 digits (a part number).
    static func smallInteger(_ raw: String, name: String) throws(FanoutError) -> Int {
        guard (1...9).contains(raw.utf8.count), raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(raw) else {
            throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected a number", field: name, allowed: "^\\d+$")
        }
        return value
    }

    /// true/false (also 1/0).
    static func boolean(_ raw: String, name: String) throws(FanoutError) -> Bool {
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected true or false", field: name, allowed: "true, false")
        }
    }

    /// A day or date-time (YYYY-MM-DD, or ISO 8601).
    static func date(_ raw: String, name: String) throws(FanoutError) -> Date {
        let day = Date.ISO8601FormatStyle().year().month().day()
        if let date = (try? Date.ISO8601FormatStyle().parse(raw)) ?? (try? day.parse(raw)) { return date }
        throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected YYYY-MM-DD or an ISO 8601 date-time", field: name, allowed: "YYYY-MM-DD")
    }

    /// Text of at most `maxLength` Unicode scalars (as JSON Schema's maxLength counts); nil when empty.
    static func text(_ raw: String, name: String, maxLength: Int) throws(FanoutError) -> String? {
        guard !raw.isEmpty else { return nil }
        let length = raw.unicodeScalars.count
        guard length <= maxLength else {
            throw .badRequest("Invalid \(name): at most \(maxLength) characters, got \(length)",
                              field: name, allowed: "at most \(maxLength) characters")
        }
        return raw
    }

    private static func unboundedOverflow(_ raw: String, _ range: ClosedRange<Int>) -> Int? {
        range.upperBound == Int.max && !raw.hasPrefix("-") ? Int.max : nil
    }

    private static func isInteger(_ raw: String) -> Bool {
        let digits = raw.hasPrefix("-") ? raw.dropFirst() : Substring(raw)
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    // MARK: Decoded JSON values (Int, Double, String, Bool, arrays, objects)

    /// An integer >= `minimum`.
    static func integer(_ raw: any Sendable, name: String, minimum: Int) throws(FanoutError) -> Int {
        guard let number = raw as? Int, number >= minimum else {
            throw .badRequest("\(name) must be an integer >= \(minimum)", field: name, allowed: "an integer >= \(minimum)")
        }
        return number
    }

    /// A price in 0…`maximum`, with at most two decimals. Checked against the
    /// maximum before any conversion: `1e300` is a 400, not a trap.
    static func money(_ raw: any Sendable, name: String, maximum: Money) throws(FanoutError) -> Money {
        let allowed = "0 to \(maximum.decimalString), at most 2 decimals"
        let number: Double? = (raw as? Int).map(Double.init) ?? (raw as? Double)
        guard let number, number.isFinite, number >= 0, number <= maximum.doubleValue else {
            throw .badRequest("\(name) must be a number from 0 to \(maximum.decimalString)", field: name, allowed: allowed)
        }
        let cents = (number * 100).rounded()
        guard abs(cents - number * 100) < 1e-6, let exact = Int64(exactly: cents) else {
            throw .badRequest("\(name) has more than 2 decimals", field: name, allowed: allowed)
        }
        return Money(cents: exact)
    }

    /// One id: a positive integer or a string of digits (past Int64: Int64.max, which finds nothing).
    static func id(_ raw: any Sendable, name: String) throws(FanoutError) -> Int64 {
        if let number = raw as? Int, number > 0 { return Int64(number) }
        if let text = raw as? String, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return Int64(text) ?? .max }
        throw .badRequest("\(name) must be a positive id (a number or a string of digits)", field: name)
    }

    /// An array of ids: positive integers or strings of digits. `hint` ends
    /// the message about a bad item.
    static func ids(_ raw: any Sendable, name: String, hint: String = "") throws(FanoutError) -> [Int64] {
        guard let items = raw as? [(any Sendable)?] else { throw .badRequest("\(name) must be an array of ids", field: name) }
        var result: [Int64] = []
        for (index, item) in items.enumerated() {
            if let number = item as? Int, number > 0 {
                result.append(Int64(number))
            } else if let text = item as? String, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let id = Int64(text), id > 0 {
                result.append(id)
            } else {
                throw .badRequest(
                    "\(name)[\(index)] must be a positive id (a number or a string of digits)\(hint)",
                    field: "\(name)[\(index)]")
            }
        }
        return result
    }
}
