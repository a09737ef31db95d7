import FanoutAPI
import FanoutCore

extension WireMapper {
    func chat(_ chat: ChatSummary) -> Components.Schemas.Chat {
        .init(
            withUser: .init(id: Int(chat.fanID), _view: Self.shortView),
            canNotSendReason: chat.isSubscribed ? .init(value1: false) : .init(value2: "The fan's subscription is not active"),
            canSendMessage: chat.isSubscribed, canGoToProfile: true, unreadMessagesCount: chat.unreadCount,
            hasUnreadTips: chat.hasUnreadTips, isMutedNotifications: chat.isMuted,
            lastMessage: chat.lastMessage.map(message), lastReadMessageId: chat.lastReadMessageID.map { Int($0) },
            hasPurchasedFeed: chat.hasPurchasedFeed, countPinnedMessages: chat.pinnedCount)
    }
}
