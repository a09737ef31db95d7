import Foundation

/// One page of a creator's earnings, newest first, after `marker` (the id
/// of the last earning of the page before).
public struct EarningQuery: Sendable, Equatable {
    /// The kinds listed; empty lists nothing (a type the sandbox never has).
    public var kinds: [Earning.Kind]
    /// Nothing older than this.
    public var since: Date?
    public var marker: Int64?
    public var limit: Int

    public static let pageSize = 20

    public init(kinds: [Earning.Kind] = Earning.Kind.allCases, since: Date? = nil, marker: Int64? = nil, limit: Int = Self.pageSize) {
        (self.kinds, self.since, self.marker, self.limit) = (kinds, since, marker, limit)
    }
}

/// One page of a creator's chargebacks, newest first, after `marker`.
public struct ChargebackQuery: Sendable, Equatable {
    /// Charged back within these days; nil: any time.
    public var days: DayRange?
    public var marker: Int64?
    public var limit: Int

    public init(days: DayRange? = nil, marker: Int64? = nil, limit: Int = EarningQuery.pageSize) {
        (self.days, self.marker, self.limit) = (days, marker, limit)
    }
}

/// What a creator earned on one UTC day (`DayRange.key`), charged-back
/// earnings left out.
public struct EarningDay: Sendable, Equatable {
    public var day: String
    public var gross: Money
    public var net: Money

    public init(day: String, gross: Money, net: Money) {
        (self.day, self.gross, self.net) = (day, gross, net)
    }
}

/// The earnings chart: net per day (or per month), its total, the gross.
public struct EarningChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// "2026-11-22" (a month's point: its first day).
        public var date: String
        public var net: Money
    }

    public var points: [Point]
    public var total: Money
    public var gross: Money

    /// `days` laid over `range` (days without earnings at zero), summed per
    /// month when `monthly`. Nil when a sum passes Int64.
    public static func make(range: DayRange, days: [EarningDay], monthly: Bool) -> EarningChart? {
        var byDay: [String: EarningDay] = [:]
        for day in days { byDay[day.day] = day }
        var points: [Point] = [], total = Money.zero, gross = Money.zero
        for key in range.days {
            let day = byDay[key]
            let net = day?.net ?? .zero
            guard let newTotal = total.adding(net), let newGross = gross.adding(day?.gross ?? .zero) else { return nil }
            (total, gross) = (newTotal, newGross)
            let date = monthly ? String(key.prefix(7)) + "-01" : key
            if let last = points.last, last.date == date {
                guard let sum = last.net.adding(net) else { return nil }
                points[points.count - 1].net = sum
            } else {
                points.append(Point(date: date, net: net))
            }
        }
        return EarningChart(points: points, total: total, gross: gross)
    }
}

/// How charging an earning back went.
public enum ChargebackOutcome: Sendable, Equatable {
    case chargedBack(Chargeback)
    case alreadyChargedBack
    case notFound
}
