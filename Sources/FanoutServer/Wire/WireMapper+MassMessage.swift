import FanoutAPI
import FanoutCore

extension WireMapper {
    /// A mass message with its statistics (list, GET, DELETE). `creatorName` names `fromUser`.
    func queueItem(_ message: MassMessage, creatorName: String) -> Components.Schemas.QueueItem {
        let now = clock.now(creatorID: message.creatorID)
        let unsendSeconds = policy.unsendSeconds(message, now: now)
        let attachments = message.attachments
        let fields = Components.Schemas.MessageFields(
            id: Int(message.id), text: message.text,
            fromUser: .init(value1: .init(id: Int(message.creatorID), name: creatorName)),
            media: attachments.map { media($0.media) }, previews: attachments.previewIDs.map { Int($0) },
            isMediaReady: attachments.allReady, mediaCount: attachments.count, lockedText: message.isLockedText,
            responseType: "message", giphyId: nil, isFree: message.price.isZero, isTip: false,
            isReportedByMe: false, isCouplePeopleMedia: false, queueId: Int(message.id), isMarkdownDisabled: false,
            releaseForms: Self.nullReleaseForms, isFromQueue: true, canUnsendQueue: unsendSeconds > 0,
            unsendSecondsQueue: unsendSeconds, isOpened: message.viewedCount > 0, isNew: false,
            createdAt: timestamp(message.createdAt), changedAt: timestamp(message.changedAt), cancelSeconds: 0,
            isLiked: false, canPurchase: false, canPurchaseReason: "own_message", canReport: false,
            canBePinned: false, isPinned: false)
        let statistics = Components.Schemas.QueueItem.Value2Payload(
            date: timestamp(message.date), textCropped: textCropped(message.text), sentCount: message.sentCount,
            viewedCount: message.viewedCount, canUnsend: unsendSeconds > 0, unsendSeconds: unsendSeconds,
            isCanceled: message.state == .canceled, mediaTypes: mediaTypes(attachments), hasError: message.hasError,
            price: message.price.decimalString, purchasedCount: message.purchasedCount,
            canSendMessageToBuyers: message.purchasedCount > 0, total: message.total, pending: message.pending,
            isDone: message.state == .sent)
        return .init(value1: fields, value2: statistics)
    }

    /// A mass message in the purchased-analytics list: previews as media objects.
    func purchasedItem(_ message: MassMessage) -> Components.Schemas.PurchasedItem {
        let unsendSeconds = policy.unsendSeconds(message, now: clock.now(creatorID: message.creatorID))
        let attachments = message.attachments
        return .init(
            id: Int(message.id), date: timestamp(message.date), text: message.text,
            media: attachments.map { media($0.media) },
            previews: attachments.filter(\.isPreview).map { media($0.media) }, releaseForms: [],
            responseType: "message", rawText: message.text, giphyId: nil, isFree: message.price.isZero,
            isMediaReady: attachments.allReady, mediaCount: attachments.count, isTip: false, isReportedByMe: false,
            viewedCount: message.viewedCount, sentCount: message.sentCount, isCanceled: message.state == .canceled,
            template: nil, canUnsend: unsendSeconds > 0, unsendSeconds: unsendSeconds,
            price: message.price.decimalString, purchasedCount: message.purchasedCount,
            canSendMessageToBuyers: message.purchasedCount > 0)
    }
}

extension WireMapper {
    /// The answer to create and edit: where the mass message stands.
    func created(_ message: MassMessage) -> Components.Schemas.MassMessageCreated {
        let unsendSeconds = policy.unsendSeconds(message, now: clock.now(creatorID: message.creatorID))
        return .init(
            id: Int(message.id), date: timestamp(message.date), isReady: message.attachments.allReady,
            isDone: message.state == .sent, total: message.total, pending: message.pending,
            canUnsend: unsendSeconds > 0, unsendSeconds: unsendSeconds, hasError: message.hasError,
            isCanceled: message.state == .canceled, isCouplePeopleMedia: false)
    }
}
