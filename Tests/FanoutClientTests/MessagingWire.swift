import FanoutClient
import Foundation
import Testing

/// Reading the wire JSON of plain HTTP answers, for comparing the client's
/// values and walks with it (chats, mass messages, analytics).
enum MessagingWire {
    /// An ISO 8601 string (fractional seconds or not) or a day, as a Date.
    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }

    /// Money as the wire writes it: a decimal string or a JSON number.
    static func money(_ value: Any?) -> Decimal? {
        if let text = value as? String { return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
        if let number = value as? NSNumber { return Decimal(string: "\(number.doubleValue)", locale: Locale(identifier: "en_US_POSIX")) }
        return nil
    }

    static func ids(_ items: [[String: Any]]) -> [Int] { items.compactMap { $0["id"] as? Int } }

    /// The error a call should throw: `code` (and `field` when given).
    static func code(_ expected: String, field: String? = nil) -> @Sendable (any Error) -> Bool {
        { error in
            guard let error = error as? FanoutClientError else { return false }
            return error.code == expected && (field == nil || error.field == field)
        }
    }

    /// Every item of a GET paged by `last_id` (the last item's id, or
    /// `nextLastId` when the page says), walked by plain HTTP.
    static func lastIDWalk(_ world: ClientWorld, _ path: String, limit: Int) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var lastID: Int?
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let query = "\(separator)limit=\(limit)" + (lastID.map { "&last_id=\($0)" } ?? "")
            let (status, json) = try await world.plain("GET", path + query)
            try #require(status == 200, "\(path)\(query): \(status) \(json)")
            let page = try #require(json["list"] as? [[String: Any]])
            items += page
            guard json["hasMore"] as? Bool == true else { return items }
            lastID = try #require((json["nextLastId"] as? Int) ?? (page.last?["id"] as? Int))
        }
    }

    /// Every item of a GET paged by `marker` (`nextMarker`), walked by plain HTTP.
    static func markerWalk(_ world: ClientWorld, _ path: String, limit: Int) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var marker: Int?
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let query = "\(separator)limit=\(limit)" + (marker.map { "&marker=\($0)" } ?? "")
            let (status, json) = try await world.plain("GET", path + query)
            try #require(status == 200, "\(path)\(query): \(status) \(json)")
            items += try #require(json["list"] as? [[String: Any]])
            guard json["hasMore"] as? Bool == true else { return items }
            marker = try #require(json["nextMarker"] as? Int)
        }
    }

    /// Whether a client message is the wire's: id, text, sender, price, dates, media ids.
    static func matches(_ message: FanoutClient.Message, _ wire: [String: Any]) -> Bool {
        message.id == wire["id"] as? Int && message.text == wire["text"] as? String
            && message.fromUser.id == (wire["fromUser"] as? [String: Any])?["id"] as? Int
            && message.price == (money(wire["price"]) ?? 0)
            && message.createdAt == date(wire["createdAt"])
            && message.media.map(\.id) == ids(wire["media"] as? [[String: Any]] ?? [])
            && message.previewMediaIDs == (wire["previews"] as? [Int] ?? [])
            && message.isFromMassMessage == (wire["isFromQueue"] as? Bool ?? false)
    }
}
