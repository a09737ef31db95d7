import FanoutAPI
import FanoutCore
import Foundation

extension WireMapper {
    /// The sandbox keeps when a fan subscribed and whether they still are;
    /// the rest follows from it: subscriptions are free and run in 30-day
    /// periods, renewed while active (README, "Choices").
    static let subscriptionPeriod: TimeInterval = 30 * 86_400

    /// `creatorID`: whose subscriber (its clock dates the current period).
    func subscriber(_ subscriber: Subscriber, creatorID: Int64) -> Components.Schemas.Subscriber {
        let user = self.user(subscriber.user)
        let now = clock.now(creatorID: creatorID)
        // At most 10,000 years of periods: the clock and the row are outside values, and Int(Double) traps past Int.
        let elapsed = min(max(0, now.timeIntervalSince(subscriber.subscribedAt) / Self.subscriptionPeriod), 121_750)
        let periods = subscriber.isActive ? Int(elapsed) : 0
        let renewedAt = subscriber.subscribedAt.addingTimeInterval(Double(periods) * Self.subscriptionPeriod)
        let expiresAt = subscriber.isActive
            ? renewedAt.addingTimeInterval(Self.subscriptionPeriod)
            : min(now, subscriber.subscribedAt.addingTimeInterval(Self.subscriptionPeriod))
        let current = Components.Schemas.SubscriptionPeriod(
            id: Int(subscriber.user.id), startDate: timestamp(renewedAt), expireDate: timestamp(expiresAt), price: 0, regularPrice: 0,
            discount: 0, _type: "regular", action: periods == 0 ? "subscribe" : "renew", isCurrent: subscriber.isActive)
        // The creator's discount, as OnlyFans dates it: months of periods from when it was given.
        let discount = subscriber.detail.discount
        // Clamped: a stored period is an outside value (the API keeps 1-12).
        let discountEnd = discount.map { $0.startedAt.addingTimeInterval(Double(min(max($0.months, 0), 1_200)) * Self.subscriptionPeriod) }
        return .init(
            id: user.id, name: user.name, username: user.username, displayName: subscriber.detail.displayName, isVerified: user.isVerified,
            avatar: user.avatar,
            avatarThumbs: user.avatarThumbs, lastSeen: timestamp(subscriber.subscribedAt),
            subscription: .init(
                isActive: subscriber.isActive, isExpired: !subscriber.isActive, subscribedAt: timestamp(subscriber.subscribedAt),
                expiresAt: timestamp(expiresAt), renewedAt: timestamp(renewedAt), price: 0, regularPrice: 0,
                discountPercent: Double(discount?.percent ?? 0), discountPeriod: Double(discount?.months ?? 0),
                discountStartedAt: discount.map { timestamp($0.startedAt) } ?? "", discountFinishedAt: discountEnd.map(timestamp) ?? "",
                history: [current]),
            spending: .init(
                total: subscriber.spent.doubleValue, tips: subscriber.tips.doubleValue, subscriptions: 0,
                // Stored values: never a trapping subtraction.
                messages: Money(cents: max(0, subscriber.spent.cents.subtractingReportingOverflow(subscriber.tips.cents).partialValue))
                    .doubleValue, posts: 0, streams: 0),
            isRestricted: false, isBlocked: false,
            capabilities: .init(
                canRestrict: true, canBlock: true, canReport: true, canUnsubscribe: false,
                canReceiveMessages: subscriber.isActive, canSendTrial: !subscriber.isActive),
            lists: subscriber.lists.map { .init(id: Int($0.id), name: $0.name) })
    }
}
