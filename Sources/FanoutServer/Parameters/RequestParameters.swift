import FanoutCore
import Foundation
import Hummingbird

/// Reads and validates query and path parameters. Every failure is a 400 that
/// names the parameter and what it accepts; nothing here can end in a 500.
struct RequestParameters {
    private let query: [String: String]
    private let path: Parameters

    init(_ request: Request, context: FanoutRequestContext) {
        var query: [String: String] = [:]
        for (key, value) in QueryString.fields(Substring(request.uri.query ?? "")) where query[key] == nil {
            query[key] = value
        }
        self.query = query
        self.path = context.parameters
    }

    /// The subscribers' `filter`: `filter[name]=value` fields, or one
    /// `filter=` value (JSON, or the Python SDK's dictionary text); nil when
    /// neither is sent.
    func subscriberFilter() throws(FanoutError) -> SubscriberFilter? {
        let fields = query.compactMap { key, value -> (name: String, value: String)? in
            guard key.hasPrefix("filter["), key.hasSuffix("]"), key.utf8.count >= 8 else { return nil }
            return (String(key.dropFirst(7).dropLast()), value)
        }.sorted { $0.name < $1.name }
        if let text = query["filter"] {
            guard fields.isEmpty else { throw .badRequest("Send filter either as filter=… or as filter[…] fields", field: "filter") }
            return try SubscriberFilter(text: text)
        }
        return fields.isEmpty ? nil : try SubscriberFilter(fields: fields)
    }

    /// An integer in `range`, `defaultValue` when absent (or, with
    /// `nullable`, the literal `null`).
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int, nullable: Bool = false) throws(FanoutError) -> Int {
        try integer(name, in: range, nullable: nullable) ?? defaultValue
    }

    /// An integer in `range`; nil when absent (or, with `nullable`, `null`).
    func integer(_ name: String, in range: ClosedRange<Int>, nullable: Bool = false) throws(FanoutError) -> Int? {
        guard let raw = query[name] else { return nil }
        return try ParameterParsing.integer(raw, name: name, in: range, nullable: nullable)
    }

    /// `limit` (1…`maxLimit`, default `defaultLimit`) and `offset` (>= 0).
    func page(maxLimit: Int, defaultLimit: Int, nullableOffset: Bool = false) throws(FanoutError) -> PageRequest {
        PageRequest(
            limit: try integer("limit", in: 1...maxLimit, default: defaultLimit),
            offset: try integer("offset", in: 0...Int.max, default: 0, nullable: nullableOffset))
    }

    /// One of an enumeration's raw values, nil when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as _: Value.Type) throws(FanoutError) -> Value?
    where Value.RawValue == String {
        guard let raw = query[name] else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("Invalid \(name) '\(raw.prefix(40))': expected one of \(allowed)", field: name, allowed: allowed)
        }
        return value
    }

    /// Text of at most `maxLength` characters; nil when absent or empty.
    func text(_ name: String, maxLength: Int) throws(FanoutError) -> String? {
        guard let raw = query[name] else { return nil }
        return try ParameterParsing.text(raw, name: name, maxLength: maxLength)
    }

    /// true/false (also 1/0); nil when absent.
    func boolean(_ name: String) throws(FanoutError) -> Bool? {
        guard let raw = query[name] else { return nil }
        return try ParameterParsing.boolean(raw, name: name)
    }

    /// A day or date-time (YYYY-MM-DD, or ISO 8601); nil when absent.
    func date(_ name: String) throws(FanoutError) -> Date? {
        guard let raw = query[name] else { return nil }
        return try ParameterParsing.date(raw, name: name)
    }

    /// `startDate`/`endDate` as whole days; nil when neither is given.
    func dayRange(now: Date) throws(FanoutError) -> DayRange? {
        let start = try date("startDate"), end = try date("endDate")
        guard start != nil || end != nil else { return nil }
        let last = end ?? now
        return try DayRange(start: start ?? last.addingTimeInterval(-29 * 86_400), end: last)
    }

    /// A numeric id from the query; nil when absent.
    func queryID(_ name: String) throws(FanoutError) -> Int64? {
        guard let raw = query[name] else { return nil }
        return try ParameterParsing.id(raw, name: name)
    }

    /// A numeric id from the path.
    func pathID(_ name: String) throws(FanoutError) -> Int64 {
        try ParameterParsing.id(path.get(name) ?? "", name: name)
    }

    /// A path segment as it is (percent-decoded by the router).
    func pathText(_ name: String) -> String { path.get(name) ?? "" }

    /// A path number of at most 9 digits (a part number).
    func pathInteger(_ name: String) throws(FanoutError) -> Int {
        try ParameterParsing.smallInteger(path.get(name) ?? "", name: name)
    }
}
