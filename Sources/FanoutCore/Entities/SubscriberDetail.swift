import Foundation

/// What a creator keeps about one of their subscribers: a private note, a
/// nickname shown instead of the fan's name, a discount on the next months.
public struct SubscriberDetail: Sendable, Equatable {
    public var notice: String
    public var displayName: String
    public var discount: SubscriberDiscount?

    public init(notice: String = "", displayName: String = "", discount: SubscriberDiscount? = nil) {
        (self.notice, self.displayName, self.discount) = (notice, displayName, discount)
    }

    /// From stored columns (null where no detail is kept); a discount only
    /// when its start and whole numbers are there (`Int(exactly:)`: a stored
    /// value is an outside value).
    public static func stored(notice: String? = nil, displayName: String?, percent: Int64?, months: Int64?, startedAt: Date?) -> SubscriberDetail {
        var discount: SubscriberDiscount?
        if let startedAt, let percent = percent.flatMap({ Int(exactly: $0) }), let months = months.flatMap({ Int(exactly: $0) }) {
            discount = SubscriberDiscount(percent: percent, months: months, startedAt: startedAt)
        }
        return SubscriberDetail(notice: notice ?? "", displayName: displayName ?? "", discount: discount)
    }

    /// Bounds of OFAuth's request bodies (the SDK's models), in Unicode
    /// scalars as JSON Schema counts a string's length.
    public static let maxNoticeLength = 1_000
    public static let displayNameLength = 1...100
}

/// `percent` off for `months` monthly periods from `startedAt`.
public struct SubscriberDiscount: Sendable, Equatable {
    public static let percents = 5...60
    public static let periods = 1...12

    public var percent: Int
    public var months: Int
    public var startedAt: Date

    public init(percent: Int, months: Int, startedAt: Date) {
        (self.percent, self.months, self.startedAt) = (percent, months, startedAt)
    }
}

/// One change to a subscriber's detail (each replaces its field whole).
public enum SubscriberDetailChange: Sendable, Equatable {
    case notice(String)
    case displayName(String)
    case discount(SubscriberDiscount)
    /// The console's form: both at once (an empty nickname clears it).
    case noticeAndDisplayName(String, String)
}

/// A fan as the creator's console shows them beside the chat: the detail
/// and what they spent in the chat (tips and paid messages, net of chargebacks).
public struct FanAccount: Sendable, Equatable {
    public var detail: SubscriberDetail
    public var spent: Money
    /// Whether they subscribe or subscribed (only then is the detail editable).
    public var isSubscriber: Bool

    public init(detail: SubscriberDetail, spent: Money, isSubscriber: Bool) {
        (self.detail, self.spent, self.isSubscriber) = (detail, spent, isSubscriber)
    }
}
