internal import Foundation

extension FanoutClient.Subscriber {
    package init(_ wire: Components.Schemas.Subscriber) throws {
        let user = FanoutClient.User(
            id: wire.id, name: wire.name, username: wire.username, isVerified: wire.isVerified, avatar: WireValue.url(wire.avatar),
            avatarThumbnails: .init(wire.avatarThumbs), customName: WireValue.text(wire.displayName))
        let spending = wire.spending
        let capabilities = wire.capabilities
        self.init(
            user: user, lastSeen: try WireValue.date(wire.lastSeen as String?, field: "subscriber.lastSeen"),
            subscription: try Subscription(wire.subscription),
            spending: Spending(
                total: try WireValue.money(spending.total, field: "spending.total"),
                tips: try WireValue.money(spending.tips, field: "spending.tips"),
                subscriptions: try WireValue.money(spending.subscriptions, field: "spending.subscriptions"),
                messages: try WireValue.money(spending.messages, field: "spending.messages"),
                posts: try WireValue.money(spending.posts, field: "spending.posts"),
                streams: try WireValue.money(spending.streams, field: "spending.streams")),
            isRestricted: wire.isRestricted, isBlocked: wire.isBlocked,
            capabilities: Capabilities(
                canRestrict: capabilities.canRestrict, canBlock: capabilities.canBlock, canReport: capabilities.canReport,
                canUnsubscribe: capabilities.canUnsubscribe, canReceiveMessages: capabilities.canReceiveMessages,
                canSendTrial: capabilities.canSendTrial),
            lists: wire.lists.map { FanoutClient.UserListReference(id: $0.id, name: $0.name) })
    }
}

extension FanoutClient.Subscriber.Subscription {
    package init(_ wire: Components.Schemas.SubscriberSubscription) throws {
        let percent = try Self.wholeNumber(wire.discountPercent, field: "subscription.discountPercent")
        let months = try Self.wholeNumber(wire.discountPeriod, field: "subscription.discountPeriod")
        let discount = percent == 0 ? nil : FanoutClient.Subscriber.Discount(
            percent: percent, months: months,
            startedAt: try WireValue.date(wire.discountStartedAt as String?, field: "subscription.discountStartedAt"),
            finishesAt: try WireValue.date(wire.discountFinishedAt as String?, field: "subscription.discountFinishedAt"))
        self.init(
            isActive: wire.isActive, isExpired: wire.isExpired,
            subscribedAt: try WireValue.date(wire.subscribedAt, field: "subscription.subscribedAt"),
            expiresAt: try WireValue.date(wire.expiresAt as String?, field: "subscription.expiresAt"),
            renewedAt: try WireValue.date(wire.renewedAt as String?, field: "subscription.renewedAt"),
            price: try WireValue.money(wire.price, field: "subscription.price"),
            regularPrice: try WireValue.money(wire.regularPrice, field: "subscription.regularPrice"),
            discount: discount, history: try wire.history.map(FanoutClient.Subscriber.Period.init))
    }
}

extension FanoutClient.Subscriber.Period {
    package init(_ wire: Components.Schemas.SubscriptionPeriod) throws {
        self.init(
            id: wire.id, startsAt: try WireValue.date(wire.startDate, field: "period.startDate"),
            expiresAt: try WireValue.date(wire.expireDate, field: "period.expireDate"),
            price: try WireValue.money(wire.price, field: "period.price"),
            regularPrice: try WireValue.money(wire.regularPrice, field: "period.regularPrice"),
            discount: try WireValue.money(wire.discount, field: "period.discount"), kind: wire._type, action: wire.action,
            isCurrent: wire.isCurrent)
    }
}

extension FanoutClient.Subscriber.Subscription {
    /// A count the API sends as a JSON number: a whole one in `Int`'s range, or an error naming the field.
    private static func wholeNumber(_ number: Double, field: String) throws -> Int {
        guard let value = Int(exactly: number) else { throw FanoutClientError.invalidResponse(field: field, value: "\(number)") }
        return value
    }
}

extension FanoutClient.SubscriberType {
    var wire: Operations.ListSubscribers.Input.Query._TypePayload {
        switch self {
        case .all: .all
        case .active: .active
        case .expired: .expired
        case .latest: .latest
        }
    }
}

extension FanoutClient.LatestSubscriberType {
    var wire: Operations.ListSubscribers.Input.Query.LatestTypePayload {
        switch self {
        case .total: .total
        case .new: .new
        case .renewals: .renewals
        }
    }
}

extension FanoutClient.SubscriberFilter {
    var wire: Operations.ListSubscribers.Input.Query.FilterPayload {
        .init(
            tips: tips?.wire, totalSpent: totalSpent?.wire, online: isOnline.map { $0 ? ._1 : ._0 }, promoId: promotionID,
            trialId: trialLinkID)
    }
}

extension FanoutClient.SubscriberFilter.AmountRange {
    /// `10` (at least), `10-50` (between).
    var wire: String {
        let low = NSDecimalNumber(decimal: minimum).description(withLocale: Locale(identifier: "en_US_POSIX"))
        guard let maximum else { return low }
        return low + "-" + NSDecimalNumber(decimal: maximum).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}
