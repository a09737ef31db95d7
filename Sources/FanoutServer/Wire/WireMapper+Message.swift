import FanoutAPI
import FanoutCore

extension WireMapper {
    /// A chat message as the creator's account sees it.
    func message(_ message: ChatMessage) -> Components.Schemas.Message { self.message(message, senderName: true) }

    /// Without `senderName`, its `fromUser` is the id alone (`skip_users=all`).
    func message(_ message: ChatMessage, senderName: Bool) -> Components.Schemas.Message {
        let now = clock.now(creatorID: message.creatorID)
        let attachments = message.attachments
        let queueSeconds = message.isFromQueue
            ? policy.unsendSeconds(state: message.queueState, sentAt: message.queueSentAt, now: now) : nil
        let fields = Components.Schemas.MessageFields(
            id: Int(message.id), text: message.text,
            fromUser: .init(
                value1: senderName ? .init(id: Int(message.fromUserID), name: message.fromUserName) : nil,
                value2: .init(id: Int(message.fromUserID), _view: Self.shortView)),
            media: attachments.map { media($0.media) }, previews: attachments.previewIDs.map { Int($0) },
            isMediaReady: attachments.allReady, mediaCount: attachments.count, lockedText: message.isLockedText,
            responseType: "message", giphyId: nil, isFree: message.price.isZero, isTip: message.isTip,
            isReportedByMe: false, isCouplePeopleMedia: false, queueId: message.massMessageID.map { Int($0) },
            isMarkdownDisabled: false, releaseForms: Self.nullReleaseForms, isFromQueue: message.isFromQueue,
            canUnsendQueue: queueSeconds.map { $0 > 0 } ?? false, unsendSecondsQueue: queueSeconds ?? 0,
            isOpened: message.openedAt != nil, isNew: !message.isFromCreator && message.openedAt == nil,
            createdAt: timestamp(message.createdAt), changedAt: timestamp(message.changedAt),
            cancelSeconds: policy.cancelSeconds(message, now: now), isLiked: message.isLiked,
            canPurchase: message.canPurchase, canPurchaseReason: message.purchaseReason,
            canReport: !message.isFromCreator, canBePinned: true, isPinned: message.isPinned)
        return .init(value1: fields, value2: .init(price: message.price.doubleValue))
    }

    /// A user object, for `include_users`.
    func user(_ user: UserProfile) -> Components.Schemas.User {
        let avatar = user.avatar ?? ""
        return .init(
            view: Self.shortView, id: Int(user.id), name: user.name, username: user.username,
            isVerified: user.isVerified, avatar: avatar,
            avatarThumbs: .init(c50: user.avatar.map { $0 + "?size=50" } ?? "", c144: user.avatar.map { $0 + "?size=144" } ?? ""),
            ivStatus: user.isVerified ? "approved" : "none", isFromGuest: false)
    }
}
