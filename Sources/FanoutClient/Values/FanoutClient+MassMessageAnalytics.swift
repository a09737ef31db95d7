public import Foundation

extension FanoutClient {
    /// A mass message with its delivery and sales figures, as the analytics
    /// lists (sent, purchased) give it.
    public struct MassMessageAnalytics: Sendable, Hashable, Identifiable {
        public var id: Int
        /// When it was sent.
        public var date: Date
        public var text: String
        public var media: [Media]
        /// The media that are free previews of a paid message.
        public var previews: [Media]
        /// What a fan pays to open it; 0 when free.
        public var price: Decimal
        public var isFree: Bool
        public var sentCount: Int
        public var viewedCount: Int
        public var purchasedCount: Int
        /// Unsent after sending.
        public var isCanceled: Bool
        public var canUnsend: Bool
        public var unsendSeconds: Int

        public init(
            id: Int, date: Date, text: String, media: [Media], previews: [Media], price: Decimal, isFree: Bool, sentCount: Int,
            viewedCount: Int, purchasedCount: Int, isCanceled: Bool, canUnsend: Bool, unsendSeconds: Int
        ) {
            self.id = id
            self.date = date
            self.text = text
            self.media = media
            self.previews = previews
            self.price = price
            self.isFree = isFree
            self.sentCount = sentCount
            self.viewedCount = viewedCount
            self.purchasedCount = purchasedCount
            self.isCanceled = isCanceled
            self.canUnsend = canUnsend
            self.unsendSeconds = unsendSeconds
        }
    }

    /// The mass messages sent in a range, newest first, up to the limit asked.
    public struct SentMassMessages: Sendable {
        public var items: [MassMessageAnalytics]
        /// More were sent in the range than the limit: narrow the range to see them.
        public var hasMore: Bool

        public init(items: [MassMessageAnalytics], hasMore: Bool) {
            self.items = items
            self.hasMore = hasMore
        }
    }

    /// Per UTC day: mass-message deliveries and their purchases, direct
    /// messages sent and their purchases.
    public struct MassMessagesChart: Sendable, Hashable {
        public var massMessages: ChartSeries
        public var massMessagePurchases: ChartSeries
        public var directMessages: ChartSeries
        public var directMessagePurchases: ChartSeries

        public init(
            massMessages: ChartSeries, massMessagePurchases: ChartSeries, directMessages: ChartSeries,
            directMessagePurchases: ChartSeries
        ) {
            self.massMessages = massMessages
            self.massMessagePurchases = massMessagePurchases
            self.directMessages = directMessages
            self.directMessagePurchases = directMessagePurchases
        }
    }

    /// One chart line: a count per day, its total, and its change against
    /// the previous period of the same length.
    public struct ChartSeries: Sendable, Hashable {
        public struct Point: Sendable, Hashable {
            /// The day, at its midnight UTC.
            public var date: Date
            public var count: Int

            public init(date: Date, count: Int) {
                self.date = date
                self.count = count
            }
        }

        public var points: [Point]
        public var total: Int
        /// `total` less the previous period's.
        public var delta: Int
        /// The money it brought (purchases), when the API says.
        public var gross: Decimal?

        public init(points: [Point], total: Int, delta: Int, gross: Decimal? = nil) {
            self.points = points
            self.total = total
            self.delta = delta
            self.gross = gross
        }
    }
}
