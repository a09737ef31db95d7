public import Foundation

extension FanoutClient {
    /// A fan who subscribes to the creator now or did before, with their
    /// subscription and what they spent on the creator.
    public struct Subscriber: Sendable, Hashable, Identifiable {
        /// The profile, with the creator's `customName` for them (nil when none).
        public var user: User
        public var lastSeen: Date?
        public var subscription: Subscription
        public var spending: Spending
        public var isRestricted: Bool
        public var isBlocked: Bool
        public var capabilities: Capabilities
        /// The creator's lists they are on.
        public var lists: [UserListReference]

        public init(
            user: User, lastSeen: Date? = nil, subscription: Subscription, spending: Spending, isRestricted: Bool,
            isBlocked: Bool, capabilities: Capabilities, lists: [UserListReference]
        ) {
            self.user = user
            self.lastSeen = lastSeen
            self.subscription = subscription
            self.spending = spending
            self.isRestricted = isRestricted
            self.isBlocked = isBlocked
            self.capabilities = capabilities
            self.lists = lists
        }

        public var id: Int { user.id }

        public struct Subscription: Sendable, Hashable {
            public var isActive: Bool
            public var isExpired: Bool
            public var subscribedAt: Date
            /// When the current period ends (or the last ended).
            public var expiresAt: Date?
            /// When the current period began.
            public var renewedAt: Date?
            public var price: Decimal
            public var regularPrice: Decimal
            /// The creator's discount on the next periods, when it gave one.
            public var discount: Discount?
            /// Its periods, the current one included.
            public var history: [Period]

            public init(
                isActive: Bool, isExpired: Bool, subscribedAt: Date, expiresAt: Date? = nil, renewedAt: Date? = nil,
                price: Decimal, regularPrice: Decimal, discount: Discount? = nil, history: [Period]
            ) {
                self.isActive = isActive
                self.isExpired = isExpired
                self.subscribedAt = subscribedAt
                self.expiresAt = expiresAt
                self.renewedAt = renewedAt
                self.price = price
                self.regularPrice = regularPrice
                self.discount = discount
                self.history = history
            }
        }

        /// A discount the creator gave (`setSubscriberDiscount`).
        public struct Discount: Sendable, Hashable {
            /// 5 to 60.
            public var percent: Int
            /// How many monthly periods it covers, 1 to 12.
            public var months: Int
            public var startedAt: Date?
            public var finishesAt: Date?

            public init(percent: Int, months: Int, startedAt: Date? = nil, finishesAt: Date? = nil) {
                self.percent = percent
                self.months = months
                self.startedAt = startedAt
                self.finishesAt = finishesAt
            }
        }

        /// One period of a subscription.
        public struct Period: Sendable, Hashable, Identifiable {
            public var id: Int
            public var startsAt: Date
            public var expiresAt: Date
            public var price: Decimal
            public var regularPrice: Decimal
            /// Percent off.
            public var discount: Decimal
            /// `regular`, as the API names the kind of period.
            public var kind: String
            /// `subscribe` or `renew`.
            public var action: String
            public var isCurrent: Bool

            public init(
                id: Int, startsAt: Date, expiresAt: Date, price: Decimal, regularPrice: Decimal, discount: Decimal, kind: String,
                action: String, isCurrent: Bool
            ) {
                self.id = id
                self.startsAt = startsAt
                self.expiresAt = expiresAt
                self.price = price
                self.regularPrice = regularPrice
                self.discount = discount
                self.kind = kind
                self.action = action
                self.isCurrent = isCurrent
            }
        }

        /// What they spent on the creator, in dollars.
        public struct Spending: Sendable, Hashable {
            public var total: Decimal
            public var tips: Decimal
            public var subscriptions: Decimal
            public var messages: Decimal
            public var posts: Decimal
            public var streams: Decimal

            public init(
                total: Decimal, tips: Decimal, subscriptions: Decimal, messages: Decimal, posts: Decimal, streams: Decimal
            ) {
                self.total = total
                self.tips = tips
                self.subscriptions = subscriptions
                self.messages = messages
                self.posts = posts
                self.streams = streams
            }
        }

        /// What the creator may do with them.
        public struct Capabilities: Sendable, Hashable {
            public var canRestrict: Bool
            public var canBlock: Bool
            public var canReport: Bool
            public var canUnsubscribe: Bool
            public var canReceiveMessages: Bool
            public var canSendTrial: Bool

            public init(
                canRestrict: Bool, canBlock: Bool, canReport: Bool, canUnsubscribe: Bool, canReceiveMessages: Bool,
                canSendTrial: Bool
            ) {
                self.canRestrict = canRestrict
                self.canBlock = canBlock
                self.canReport = canReport
                self.canUnsubscribe = canUnsubscribe
                self.canReceiveMessages = canReceiveMessages
                self.canSendTrial = canSendTrial
            }
        }
    }
}
