import Foundation

/// A URL query's fields as HTML forms and the official SDKs' HTTP clients
/// write them (`application/x-www-form-urlencoded`, as OFAuth's server reads
/// them): `+` is a space, then percent escapes are decoded, in keys and
/// values alike. httpx sends `list_chats(query="Luna Vale")` as
/// `query=Luna+Vale`; a literal plus comes as `%2B`. A malformed escape
/// leaves its text as sent (the field's own check then refuses it).
enum QueryString {
    static func fields(_ query: Substring) -> [(key: String, value: String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        // Most fields have neither (`limit=10`): no Foundation call on them (a page's hot path).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        let spaced = String(text).replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
