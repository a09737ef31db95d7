/// One row of the chats list: the fan (by id: the list shows no more of
/// them), the chat's state, its newest message.
public struct ChatSummary: Sendable, Equatable {
    public var fanID: Int64
    public var isSubscribed: Bool
    public var unreadCount: Int
    public var hasUnreadTips: Bool
    public var isMuted: Bool
    public var lastMessage: ChatMessage?
    public var lastReadMessageID: Int64?
    public var hasPurchasedFeed: Bool
    public var pinnedCount: Int
    /// The creator blocked the fan: no message can be sent.
    public var isBlocked: Bool

    public init(
        fanID: Int64, isSubscribed: Bool, unreadCount: Int, hasUnreadTips: Bool, isMuted: Bool,
        lastMessage: ChatMessage?, lastReadMessageID: Int64?, hasPurchasedFeed: Bool, pinnedCount: Int, isBlocked: Bool = false
    ) {
        self.fanID = fanID
        self.isSubscribed = isSubscribed
        self.unreadCount = unreadCount
        self.hasUnreadTips = hasUnreadTips
        self.isMuted = isMuted
        self.lastMessage = lastMessage
        self.lastReadMessageID = lastReadMessageID
        self.hasPurchasedFeed = hasPurchasedFeed
        self.pinnedCount = pinnedCount
        self.isBlocked = isBlocked
    }
}
