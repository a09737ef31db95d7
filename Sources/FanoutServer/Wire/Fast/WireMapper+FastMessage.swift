import FanoutCore
import Foundation

extension WireMapper {
    /// The fast twin of `message(_:)`: a chat message as the creator sees it.
    func write(_ message: ChatMessage, now: Date, to w: inout JSONWriter) {
        let attachments = message.attachments
        let queueSeconds = message.isFromQueue
            ? policy.unsendSeconds(state: message.queueState, sentAt: message.queueSentAt, now: now) : nil
        w.beginObject()
        w.field("id", message.id)
        w.field("text", message.text)
        w.key("fromUser"); w.beginObject()
        w.field("id", message.fromUserID)
        w.field("name", message.fromUserName)
        w.field("_view", Self.shortView)
        w.endObject()
        writeContent(attachments, lockedText: message.isLockedText, price: message.price, to: &w)
        w.field("isTip", message.isTip)
        w.field("isReportedByMe", false)
        w.field("isCouplePeopleMedia", false)
        if let queueID = message.massMessageID { w.field("queueId", queueID) }
        w.field("isMarkdownDisabled", false)
        w.key("releaseForms"); w.null()
        w.field("isFromQueue", message.isFromQueue)
        w.field("canUnsendQueue", queueSeconds.map { $0 > 0 } ?? false)
        w.field("unsendSecondsQueue", queueSeconds ?? 0)
        w.field("isOpened", message.openedAt != nil)
        w.field("isNew", !message.isFromCreator && message.openedAt == nil)
        w.field("createdAt", timestamp: message.createdAt)
        w.field("changedAt", timestamp: message.changedAt)
        w.field("cancelSeconds", policy.cancelSeconds(message, now: now))
        w.field("isLiked", message.isLiked)
        w.field("canPurchase", message.canPurchase)
        w.field("canPurchaseReason", message.purchaseReason)
        w.field("canReport", !message.isFromCreator)
        w.field("canBePinned", true)
        w.field("isPinned", message.isPinned)
        w.field("price", message.price.doubleValue)
        w.endObject()
    }

    /// The fast twin of `user(_:)`, for `include_users`.
    func write(_ user: UserProfile, to w: inout JSONWriter) {
        w.beginObject()
        w.field("view", Self.shortView)
        w.field("id", user.id)
        w.field("name", user.name)
        w.field("username", user.username)
        w.field("isVerified", user.isVerified)
        w.field("avatar", user.avatar ?? "")
        w.key("avatarThumbs"); w.beginObject()
        w.field("c50", user.avatar.map { $0 + "?size=50" } ?? "")
        w.field("c144", user.avatar.map { $0 + "?size=144" } ?? "")
        w.endObject()
        w.field("ivStatus", user.isVerified ? "approved" : "none")
        w.field("isFromGuest", false)
        w.endObject()
    }

    /// The fast twin of `chat(_:)`.
    func write(_ chat: ChatSummary, now: Date, to w: inout JSONWriter) {
        w.beginObject()
        w.key("withUser"); w.beginObject()
        w.field("id", chat.fanID)
        w.field("_view", Self.shortView)
        w.endObject()
        w.key("canNotSendReason")
        if let reason = chat.cannotSendReason { w.string(reason) } else { w.bool(false) }
        w.field("canSendMessage", chat.cannotSendReason == nil)
        w.field("canGoToProfile", true)
        w.field("unreadMessagesCount", chat.unreadCount)
        w.field("hasUnreadTips", chat.hasUnreadTips)
        w.field("isMutedNotifications", chat.isMuted)
        if let last = chat.lastMessage {
            w.key("lastMessage")
            write(last, now: now, to: &w)
        }
        if let lastRead = chat.lastReadMessageID { w.field("lastReadMessageId", lastRead) }
        w.field("hasPurchasedFeed", chat.hasPurchasedFeed)
        w.field("countPinnedMessages", chat.pinnedCount)
        w.endObject()
    }
}
