public import Foundation

extension FanoutClient {
    /// Which subscribers the list keeps.
    public enum SubscriberType: String, Sendable, Hashable, CaseIterable {
        /// Everyone who subscribes or did (the default).
        case all
        case active
        case expired
        /// Who subscribed within a period of days (`from`, `to`: the last 30 days by default).
        case latest
    }

    /// With ``SubscriberType/latest``: which subscriptions count.
    public enum LatestSubscriberType: String, Sendable, Hashable, CaseIterable {
        case total
        case new
        case renewals
    }

    /// Subscribers by what they spent or how they came.
    public struct SubscriberFilter: Sendable, Hashable {
        /// An amount in dollars: at least `minimum`, at most `maximum` when given (cents at most).
        public struct AmountRange: Sendable, Hashable {
            public var minimum: Decimal
            public var maximum: Decimal?

            public init(minimum: Decimal, maximum: Decimal? = nil) {
                self.minimum = minimum
                self.maximum = maximum
            }
        }

        /// Tips they gave in all.
        public var tips: AmountRange?
        /// What they spent in all (tips and purchases).
        public var totalSpent: AmountRange?
        /// Online now or not (Fanout: nobody is).
        public var isOnline: Bool?
        /// Came through this promotion or trial link (Fanout has none: matches nobody).
        public var promotionID: String?
        public var trialLinkID: String?

        public init(
            tips: AmountRange? = nil, totalSpent: AmountRange? = nil, isOnline: Bool? = nil, promotionID: String? = nil,
            trialLinkID: String? = nil
        ) {
            self.tips = tips
            self.totalSpent = totalSpent
            self.isOnline = isOnline
            self.promotionID = promotionID
            self.trialLinkID = trialLinkID
        }
    }
}
