/// `GET /subscribers`' `filter`: the official SDK's `filter` dictionary,
/// validated. Fanout honours each field or refuses it with a 400 naming it
/// (`filter.duration`); none is dropped.
///
/// It arrives three ways: as `filter[tips]=10` (OpenAPI's deepObject), as
/// JSON (`filter={"tips":"10"}`), or as the Python SDK sends a dictionary in
/// a query (httpx writes `str(dict)`: `filter={'tips': '10'}`).
public struct SubscriberFilter: Sendable, Equatable {
    /// An amount range in cents: `10` is at least $10, `10-50` $10 to $50.
    public struct AmountRange: Sendable, Equatable {
        public var minimum: Money
        public var maximum: Money?

        public init(minimum: Money, maximum: Money? = nil) {
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// Tips the fan gave the creator, in all.
    public var tips: AmountRange?
    /// What the fan spent on the creator in all (tips and purchases).
    public var totalSpent: AmountRange?
    /// Fanout has no promotions, trial links or presence: a subscriber
    /// never came through one, and nobody is online. Set when asked for
    /// (and the filter then matches nobody); `online=0` matches everybody.
    public var matchesNobody = false

    public static let fields = ["promoId", "trial_id", "duration", "tips", "total_spent", "online"]

    public init(tips: AmountRange? = nil, totalSpent: AmountRange? = nil, matchesNobody: Bool = false) {
        self.tips = tips
        self.totalSpent = totalSpent
        self.matchesNobody = matchesNobody
    }

    /// From its fields (each value as sent, text).
    public init(fields: [(name: String, value: String)]) throws(FanoutError) {
        for (name, value) in fields {
            let field = "filter.\(name)"
            switch name {
            case "promoId", "trial_id":
                guard (1...100).contains(value.utf8.count) else {
                    throw .badRequest("\(field) must be 1 to 100 characters", field: field)
                }
                matchesNobody = true
            case "online":
                switch value {
                case "1", "true": matchesNobody = true
                case "0", "false": break
                default: throw .badRequest("Invalid \(field) '\(value.prefix(20))'", field: field, allowed: "0, 1, true, false")
                }
            case "tips": tips = try Self.range(value, field: field)
            case "total_spent": totalSpent = try Self.range(value, field: field)
            case "duration":
                throw .badRequest(
                    "\(field) is not supported: Fanout's subscriptions have no duration to filter by", field: field)
            default:
                throw .badRequest(
                    "Unknown filter field '\(name.prefix(40))'", field: "filter", allowed: Self.fields.joined(separator: ", "))
            }
        }
    }

    /// From the text of a `filter=` query value (JSON or a Python
    /// dictionary's text): a flat object of quoted names to quoted or bare
    /// scalar values, at most 2,000 bytes.
    public init(text: String) throws(FanoutError) {
        guard text.utf8.count <= 2_000 else { throw .badRequest("filter is longer than 2000 bytes", field: "filter") }
        guard let pairs = FlatObject.parse(Array(text.utf8)) else {
            throw .badRequest(
                "filter must be an object of fields to values, as {\"tips\": \"10\"} or filter[tips]=10", field: "filter",
                allowed: Self.fields.joined(separator: ", "))
        }
        try self.init(fields: pairs)
    }

    /// `10` (at least), `10-50` (between, inclusive): dollars with at most two decimals.
    static func range(_ value: String, field: String) throws(FanoutError) -> AmountRange {
        let parts = value.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let minimum = Money(dollars: parts[0]), minimum.cents < Int64.max else {
            throw .badRequest("Invalid \(field) '\(value.prefix(20))'", field: field, allowed: "dollars, as 10 or 10-50")
        }
        guard parts.count == 2 else { return AmountRange(minimum: minimum) }
        guard let maximum = Money(dollars: parts[1]), maximum.cents < Int64.max, maximum.cents >= minimum.cents else {
            throw .badRequest("Invalid \(field) '\(value.prefix(20))'", field: field, allowed: "dollars, as 10 or 10-50")
        }
        return AmountRange(minimum: minimum, maximum: maximum)
    }
}

/// A flat object's text: `{` name `:` value (`,` …) `}`, names quoted with
/// ' or ", values quoted or bare (numbers, true, false, None, null); no
/// nesting, no escapes but \' \" \\. nil for anything else. Between tokens
/// a `+` is a space: httpx form-encodes the SDK's `{'tips': '10'}` as
/// `{'tips':+'10'}`, and the router decodes percent signs only.
enum FlatObject {
    static func parse(_ bytes: [UInt8]) -> [(name: String, value: String)]? {
        var index = 0
        func skipSpace() {
            while index < bytes.count, [32, 9, 10, 13, 43].contains(bytes[index]) { index += 1 }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func quoted() -> String? {
            skipSpace()
            guard index < bytes.count, bytes[index] == 39 || bytes[index] == 34 else { return nil }
            let quote = bytes[index]
            index += 1
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == quote { return String(decoding: text, as: UTF8.self) }
                if byte == 92 {
                    guard index < bytes.count, [39, 34, 92].contains(bytes[index]) else { return nil }
                    text.append(bytes[index])
                    index += 1
                } else {
                    text.append(byte)
                }
            }
            return nil
        }
        func bare() -> String? {
            skipSpace()
            let start = index
            while index < bytes.count, bytes[index] == 45 || bytes[index] == 46 || (48...57).contains(bytes[index])
                || (65...90).contains(bytes[index]) || (97...122).contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            switch String(decoding: bytes[start..<index], as: UTF8.self) {
            case "True", "true": return "true"
            case "False", "false": return "false"
            case let word: return word
            }
        }
        guard expect(123) else { return nil }
        var pairs: [(name: String, value: String)] = []
        if expect(125) {
            skipSpace()
            return index == bytes.count ? pairs : nil
        }
        while true {
            guard let name = quoted(), expect(58) else { return nil }
            skipSpace()
            guard let value = index < bytes.count && (bytes[index] == 39 || bytes[index] == 34) ? quoted() : bare() else { return nil }
            // None/null: the SDK's way of not setting a field.
            if value != "None" && value != "null" { pairs.append((name, value)) }
            if expect(44) { continue }
            guard expect(125) else { return nil }
            skipSpace()
            return index == bytes.count ? pairs : nil
        }
    }
}
