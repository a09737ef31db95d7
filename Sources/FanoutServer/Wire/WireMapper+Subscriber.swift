import FanoutAPI
import FanoutCore
import Foundation

extension WireMapper {
    /// The sandbox keeps when a fan subscribed and whether they still are;
    /// the rest follows from it: subscriptions are free and run in 30-day
    /// periods, renewed while active (README, "Choices").
    static let subscriptionPeriod: TimeInterval = 30 * 86_400

    func subscriber(_ subscriber: Subscriber) -> Components.Schemas.Subscriber {
        let user = self.user(subscriber.user)
        let now = clock.now()
        let periods = subscriber.isActive ? max(0, Int(now.timeIntervalSince(subscriber.subscribedAt) / Self.subscriptionPeriod)) : 0
        let renewedAt = subscriber.subscribedAt.addingTimeInterval(Double(periods) * Self.subscriptionPeriod)
        let expiresAt = subscriber.isActive
            ? renewedAt.addingTimeInterval(Self.subscriptionPeriod)
            : min(now, subscriber.subscribedAt.addingTimeInterval(Self.subscriptionPeriod))
        let current = Components.Schemas.SubscriptionPeriod(
            id: Int(subscriber.user.id), startDate: timestamp(renewedAt), expireDate: timestamp(expiresAt), price: 0, regularPrice: 0,
            discount: 0, _type: "regular", action: periods == 0 ? "subscribe" : "renew", isCurrent: subscriber.isActive)
        return .init(
            id: user.id, name: user.name, username: user.username, displayName: "", isVerified: user.isVerified, avatar: user.avatar,
            avatarThumbs: user.avatarThumbs, lastSeen: timestamp(subscriber.subscribedAt),
            subscription: .init(
                isActive: subscriber.isActive, isExpired: !subscriber.isActive, subscribedAt: timestamp(subscriber.subscribedAt),
                expiresAt: timestamp(expiresAt), renewedAt: timestamp(renewedAt), price: 0, regularPrice: 0, discountPercent: 0,
                discountPeriod: 0, discountStartedAt: "", discountFinishedAt: "", history: [current]),
            spending: .init(
                total: subscriber.spent.doubleValue, tips: subscriber.tips.doubleValue, subscriptions: 0,
                messages: Money(cents: subscriber.spent.cents - subscriber.tips.cents).doubleValue, posts: 0, streams: 0),
            isRestricted: false, isBlocked: false,
            capabilities: .init(
                canRestrict: true, canBlock: true, canReport: true, canUnsubscribe: false,
                canReceiveMessages: subscriber.isActive, canSendTrial: !subscriber.isActive),
            lists: subscriber.lists.map { .init(id: Int($0.id), name: $0.name) })
    }
}
