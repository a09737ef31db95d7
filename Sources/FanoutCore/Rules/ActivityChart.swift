import Foundation

/// The four daily series of `GET /analytics/mass-messages/chart`.
public enum ActivityKind: String, CaseIterable, Sendable {
    case groupMessages = "group_messages"
    case groupMessagesPurchases = "group_messages_purchases"
    case directMessages = "direct_messages"
    case directMessagesPurchases = "direct_messages_purchases"
}

/// Whole UTC days from `start` to `end`, both included (at most 366).
public struct DayRange: Sendable, Equatable {
    public static let maxDays = 366
    public var start: Date
    public var end: Date

    /// Days run from midnight UTC; both dates are truncated to their day.
    public init(start: Date, end: Date) throws(FanoutError) {
        self.start = Self.midnight(start)
        self.end = Self.midnight(end)
        guard self.start <= self.end else {
            throw .badRequest("startDate must not be after endDate", field: "startDate")
        }
        guard days.count <= Self.maxDays else {
            throw .badRequest("The range covers more than \(Self.maxDays) days", field: "endDate", allowed: "at most 366 days")
        }
    }

    /// The last 30 days up to `now`.
    public static func lastThirtyDays(now: Date) -> DayRange {
        try! DayRange(start: now.addingTimeInterval(-29 * 86_400), end: now)
    }

    public var days: [String] {
        var result: [String] = []
        var day = start
        while day <= end, result.count <= Self.maxDays {
            result.append(Self.key(day))
            day = day.addingTimeInterval(86_400)
        }
        return result
    }

    /// The range of the same length just before this one (for `delta`).
    public var previous: DayRange {
        let length = TimeInterval(days.count) * 86_400
        return try! DayRange(start: start.addingTimeInterval(-length), end: start.addingTimeInterval(-86_400))
    }

    /// "2026-11-22", the key of a UTC day.
    public static func key(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    static func midnight(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}

/// One series: a count per day, its total and gross, and the change from
/// the previous period of the same length.
public struct ActivitySeries: Sendable, Equatable {
    public var points: [(day: String, count: Int)]
    public var total: Int
    public var delta: Int
    public var gross: Money

    public static func == (a: Self, b: Self) -> Bool {
        a.points.map(\.day) == b.points.map(\.day) && a.points.map(\.count) == b.points.map(\.count)
            && a.total == b.total && a.delta == b.delta && a.gross == b.gross
    }

    public init(points: [(day: String, count: Int)], total: Int, delta: Int, gross: Money) {
        self.points = points
        self.total = total
        self.delta = delta
        self.gross = gross
    }
}
