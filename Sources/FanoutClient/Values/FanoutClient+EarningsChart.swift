public import Foundation

extension FanoutClient {
    /// Net earnings per UTC day (or month), charged-back transactions left out.
    public struct EarningsChart: Sendable, Hashable {
        /// What a chart counts.
        public enum Series: String, Sendable, Hashable, CaseIterable {
            /// Everything.
            case total
            /// Paid messages.
            case messages
            case tips
            case stream
            case post
            case subscriptions = "subscribes"
            case profileTips = "tips_profile"
            case postTips = "tips_post"
            case chatTips = "tips_chat"
            case streamTips = "tips_stream"
            case storyTips = "tips_story"
            case referrals = "ref"
        }

        /// One day's (or month's) net earnings.
        public struct Point: Sendable, Hashable {
            /// The day, or the month's first day, at midnight UTC.
            public var date: Date
            public var amount: Decimal

            public init(date: Date, amount: Decimal) {
                self.date = date
                self.amount = amount
            }
        }

        public var points: [Point]
        /// The sum of the points.
        public var total: Decimal
        /// The gross of the same transactions.
        public var gross: Decimal

        public init(points: [Point], total: Decimal, gross: Decimal) {
            self.points = points
            self.total = total
            self.gross = gross
        }
    }
}
