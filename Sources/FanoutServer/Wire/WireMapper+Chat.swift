import FanoutAPI
import FanoutCore

extension WireMapper {
    func chat(_ chat: ChatSummary) -> Components.Schemas.Chat {
        .init(
            withUser: .init(id: Int(chat.fanID), _view: Self.shortView),
            canNotSendReason: chat.cannotSendReason.map { .init(value2: $0) } ?? .init(value1: false),
            canSendMessage: chat.cannotSendReason == nil, canGoToProfile: true, unreadMessagesCount: chat.unreadCount,
            hasUnreadTips: chat.hasUnreadTips, isMutedNotifications: chat.isMuted,
            lastMessage: chat.lastMessage.map(message), lastReadMessageId: chat.lastReadMessageID.map { Int($0) },
            hasPurchasedFeed: chat.hasPurchasedFeed, countPinnedMessages: chat.pinnedCount)
    }
}

extension ChatSummary {
    /// Why the creator cannot write to the fan (`canNotSendReason`); nil when it can.
    var cannotSendReason: String? {
        if isBlocked { return "You have blocked this fan" }
        return isSubscribed ? nil : "The fan's subscription is not active"
    }
}
