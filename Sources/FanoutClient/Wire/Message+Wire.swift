package import Foundation

extension FanoutClient.UserReference {
    package init(_ wire: Components.Schemas.FromUser) {
        self.init(id: wire.value1?.id ?? wire.value2?.id ?? 0, name: wire.value1?.name)
    }
}

extension FanoutClient.Media.File {
    package init?(url: String, width: Int?, height: Int?, size: Int?) {
        guard let url = WireValue.url(url) else { return nil }
        self.init(url: url, width: width, height: height, size: size)
    }
}

extension FanoutClient.Media {
    package init(_ wire: Components.Schemas.Media) throws {
        let files = wire.files
        self.init(
            id: wire.id, kind: Kind(rawValue: wire._type.rawValue) ?? .photo,
            createdAt: try WireValue.date(wire.createdAt, field: "media.createdAt"),
            isReady: wire.isReady, canView: wire.canView, hasError: wire.hasError, duration: wire.duration,
            full: files.flatMap { File(url: $0.full.url, width: $0.full.width, height: $0.full.height, size: $0.full.size) },
            preview: files?.preview.flatMap { File(url: $0.url, width: $0.width, height: $0.height, size: $0.size) },
            thumbnail: files?.thumb.flatMap { File(url: $0.url, width: $0.width, height: $0.height, size: $0.size) },
            squarePreview: files?.squarePreview.flatMap { File(url: $0.url, width: $0.width, height: $0.height, size: $0.size) })
    }
}

extension FanoutClient.Message {
    package init(_ wire: Components.Schemas.Message) throws {
        try self.init(wire.value1, price: WireValue.money(wire.value2.price ?? 0, field: "message.price"))
    }

    /// The fields every message carries (a mass message's too), at `price`.
    package init(_ fields: Components.Schemas.MessageFields, price: Decimal) throws {
        self.init(
            id: fields.id, text: fields.text, fromUser: FanoutClient.UserReference(fields.fromUser),
            createdAt: try WireValue.date(fields.createdAt ?? "", field: "message.createdAt"),
            changedAt: try WireValue.optionalDate(fields.changedAt, field: "message.changedAt"),
            media: try fields.media.map(FanoutClient.Media.init), previewMediaIDs: fields.previews, price: price,
            isFree: fields.isFree ?? (price == 0), isTip: fields.isTip ?? false, isOpened: fields.isOpened ?? false,
            isNew: fields.isNew ?? false, isTextLocked: fields.lockedText ?? false, isFromMassMessage: fields.isFromQueue ?? false,
            massMessageID: fields.isFromQueue == true ? fields.queueId : nil, canPurchase: fields.canPurchase ?? false, isLiked: fields.isLiked ?? false,
            isPinned: fields.isPinned ?? false)
    }
}

extension FanoutClient.Chat {
    package init(_ wire: Components.Schemas.Chat) throws {
        var reason: String?
        if let text = wire.canNotSendReason?.value2 { reason = text } else if wire.canNotSendReason?.value1 == true { reason = "" }
        self.init(
            withUser: FanoutClient.UserReference(id: wire.withUser.id), lastMessage: try wire.lastMessage.map(FanoutClient.Message.init),
            unreadCount: wire.unreadMessagesCount ?? 0, canSendMessage: wire.canSendMessage ?? true, cannotSendReason: reason,
            hasUnreadTips: wire.hasUnreadTips ?? false, isMuted: wire.isMutedNotifications ?? false,
            lastReadMessageID: wire.lastReadMessageId, pinnedMessagesCount: wire.countPinnedMessages ?? 0)
    }
}

extension FanoutClient.ChatOrder {
    var wire: Operations.ListChats.Input.Query.OrderPayload {
        switch self {
        case .recent: .recent
        case .old: .old
        }
    }
}

extension FanoutClient.ChatFilter {
    var wire: Operations.ListChats.Input.Query.FilterPayload {
        switch self {
        case .priority: .priority
        case .whoTipped: .whoTipped
        case .unread: .unread
        }
    }
}
