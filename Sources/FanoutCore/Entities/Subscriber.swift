import Foundation

/// A fan who subscribes, or subscribed, to a creator: what the sandbox
/// keeps of it (when, whether still, what they spent in the chat, the
/// creator's lists they are on).
public struct Subscriber: Sendable, Equatable {
    public var user: UserProfile
    public var subscribedAt: Date
    public var isActive: Bool
    /// Tips in the chat.
    public var tips: Money
    /// Everything spent in the chat: tips and paid messages.
    public var spent: Money
    public var lists: [ListRef]
    /// The creator's nickname and discount for them (the note is shown on the user).
    public var detail = SubscriberDetail()

    public struct ListRef: Sendable, Equatable {
        public var id: Int64
        public var name: String

        public init(id: Int64, name: String) {
            self.id = id
            self.name = name
        }
    }

    public init(user: UserProfile, subscribedAt: Date, isActive: Bool, tips: Money, spent: Money, lists: [ListRef]) {
        self.user = user
        self.subscribedAt = subscribedAt
        self.isActive = isActive
        self.tips = tips
        self.spent = spent
        self.lists = lists
    }
}
