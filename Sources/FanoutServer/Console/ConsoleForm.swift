import FanoutCore
import Foundation
import Hummingbird

/// A submitted HTML form (`application/x-www-form-urlencoded`), at most 64 KiB.
struct ConsoleForm {
    private var fields: [String: String] = [:]
    /// Every value of each name, in order (checkboxes send one per box).
    private var lists: [String: [String]] = [:]

    init(_ request: Request) async throws {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        self.init(encoded: String(buffer: body))
    }

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

    /// An amount in dollars ("5", "4.50"); nil when empty.
    func money(_ name: String, maximum: Money) throws(FanoutError) -> Money? {
        guard let text = fields[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, parts.count == 1 || (1...2).contains(parts[1].count),
              let fraction = parts.count == 2 ? Int64(parts[1]) : 0, fraction >= 0
        else {
            throw .badRequest("\(name) must be an amount like 5 or 4.50", field: name)
        }
        let cents = whole * 100 + (parts.count == 2 && parts[1].count == 1 ? fraction * 10 : fraction)
        guard cents > 0, cents <= maximum.cents else {
            throw .badRequest("\(name) must be more than 0 and at most \(maximum.decimalString)", field: name)
        }
        return Money(cents: cents)
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
