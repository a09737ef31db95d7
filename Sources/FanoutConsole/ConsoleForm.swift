import FanoutCore
import Foundation

/// A submitted HTML form (`application/x-www-form-urlencoded`), read field by
/// field; every failure is a 400 naming the field. Pure Swift and Foundation
/// (the request body is read in `ConsoleForm+Request.swift`), so that the
/// parsing is fuzzed as it is (`scripts/fuzz console-form`).
struct ConsoleForm {
    private var fields: [String: String] = [:]
    /// Every value of each name, in order (checkboxes send one per box).
    private var lists: [String: [String]] = [:]

    init(encoded: String) {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            fields[name] = value
            lists[name, default: []].append(value)
        }
    }

    subscript(name: String) -> String? { fields[name] }

    /// The ids checked under `name` (non-numbers left out).
    func ids(_ name: String) -> [Int64] { (lists[name] ?? []).compactMap { Int64($0) } }

    /// A `datetime-local` value ("2026-11-24T18:00"), read as UTC; nil when empty.
    func date(_ name: String) throws(FanoutError) -> Date? {
        guard let text = fields[name], !text.isEmpty else { return nil }
        let styles: [Date.ISO8601FormatStyle] = [.iso8601, Date.ISO8601FormatStyle(includingFractionalSeconds: false)]
        for candidate in [text, text + ":00Z", text + "Z"] {
            for style in styles { if let date = try? style.parse(candidate) { return date } }
        }
        throw .badRequest("\(name) must be a date and time like 2026-12-24T18:00 (UTC)", field: name)
    }

    /// An amount in dollars ("5", "4.50"); nil when empty. However many
    /// digits are typed, too much is a 400 naming the field.
    func money(_ name: String, maximum: Money) throws(FanoutError) -> Money? {
        guard let text = fields[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let amount = Money(dollars: text) else {
            throw .badRequest("\(name) must be an amount like 5 or 4.50", field: name)
        }
        guard amount.cents > 0, amount <= maximum else {
            throw .badRequest("\(name) must be more than 0 and at most \(maximum.decimalString)", field: name)
        }
        return amount
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
