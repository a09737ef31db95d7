import FanoutCore
import Foundation
import Hummingbird
import OpenAPIRuntime

/// A JSON object request body, read field by field. Every failure is a 400
/// naming the field (`mediaItems[2]`, `price`, …).
struct JSONBody {
    static let maxBytes = 1 << 20
    /// Every field (the account settings read the body as a tree).
    let fields: [String: (any Sendable)?]

    init(_ request: Request) async throws {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Self.maxBytes) } catch {
            throw FanoutError.badRequest("The request body is larger than \(Self.maxBytes) bytes", field: "body")
        }
        guard let object = try? JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(buffer: buffer)) else {
            throw FanoutError.badRequest("The request body must be a JSON object", field: "body")
        }
        fields = object.value
    }

    private func value(_ name: String) -> (any Sendable)? { fields[name] ?? nil }

    func string(_ name: String) throws(FanoutError) -> String? {
        guard let raw = value(name) else { return nil }
        guard let text = raw as? String else { throw .badRequest("\(name) must be a string", field: name) }
        // PostgreSQL's text cannot hold NUL, and no message needs one: refused on every backend alike.
        guard !text.utf8.contains(0) else { throw .badRequest("\(name) must not contain NUL characters", field: name) }
        return text
    }

    /// Absent: nil. Null is refused: the field is an array or nothing.
    func strings(_ name: String) throws(FanoutError) -> [String]? {
        if fields.keys.contains(name), value(name) == nil { throw .badRequest("\(name) must be an array of strings, not null", field: name) }
        guard let raw = value(name) else { return nil }
        guard let items = raw as? [(any Sendable)?] else { throw .badRequest("\(name) must be an array of strings", field: name) }
        return try items.enumerated().map { (index, item) throws(FanoutError) in
            guard let text = item as? String else { throw .badRequest("\(name)[\(index)] must be a string", field: "\(name)[\(index)]") }
            return text
        }
    }

    func object(_ name: String) throws(FanoutError) -> [String: (any Sendable)?]? {
        guard let raw = value(name) else { return nil }
        guard let object = raw as? [String: (any Sendable)?] else { throw .badRequest("\(name) must be an object", field: name) }
        return object
    }

    func bool(_ name: String) throws(FanoutError) -> Bool? {
        guard let raw = value(name) else { return nil }
        guard let flag = raw as? Bool else { throw .badRequest("\(name) must be true or false", field: name) }
        return flag
    }

    func integer(_ name: String, minimum: Int) throws(FanoutError) -> Int? {
        guard let raw = value(name) else { return nil }
        return try ParameterParsing.integer(raw, name: name, minimum: minimum)
    }

    /// A price in 0…`maximum`, with at most two decimals.
    func money(_ name: String, maximum: Money) throws(FanoutError) -> Money? {
        guard let raw = value(name) else { return nil }
        return try ParameterParsing.money(raw, name: name, maximum: maximum)
    }

    /// An ISO 8601 date-time; nil when absent or null.
    func date(_ name: String) throws(FanoutError) -> Date? {
        guard let text = try string(name) else { return nil }
        let styles: [Date.ISO8601FormatStyle] = [.iso8601, Date.ISO8601FormatStyle(includingFractionalSeconds: true)]
        for style in styles { if let date = try? style.parse(text) { return date } }
        throw .badRequest("\(name) must be an ISO 8601 date-time like 2026-12-24T18:00:00Z", field: name, allowed: "ISO 8601 date-time")
    }

    /// One id: a positive integer or a string of digits; nil when absent.
    func id(_ name: String) throws(FanoutError) -> Int64? {
        guard let raw = value(name) else { return nil }
        return try ParameterParsing.id(raw, name: name)
    }

    /// An array of ids: positive integers or strings of digits. `hint` ends
    /// the message about a bad item.
    func ids(_ name: String, hint: String = "") throws(FanoutError) -> [Int64] {
        guard let raw = value(name) else { return [] }
        return try ParameterParsing.ids(raw, name: name, hint: hint)
    }
}
