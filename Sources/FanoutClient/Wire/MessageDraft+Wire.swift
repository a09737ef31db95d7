extension FanoutClient.MessageDraft {
    var wire: Components.Schemas.MessageBody {
        .init(
            text: text, mediaItems: mediaIDs.isEmpty ? nil : mediaIDs.map { .init(value1: $0) },
            previewMediaCount: previewCount == 0 ? nil : previewCount, isLockedText: isTextLocked,
            price: WireValue.number(price))
    }
}

extension FanoutClient.MassMessageDraft {
    var wire: Components.Schemas.MassMessageBody {
        let message = FanoutClient.MessageDraft(
            text: text, mediaIDs: mediaIDs, previewCount: previewCount, price: price, isTextLocked: isTextLocked)
        func references(_ ids: [Int]) -> [Components.Schemas.IdReference]? { ids.isEmpty ? nil : ids.map { .init(value1: $0) } }
        return .init(
            value1: message.wire,
            value2: .init(
                scheduledDate: scheduledDate, userIds: references(userIDs), userLists: references(userListIDs),
                excludeUserLists: references(excludedUserListIDs), subscribedAfterDate: subscribedAfter))
    }
}

extension FanoutClient.ChatMediaKind {
    var wire: Operations.ListChatMedia.Input.Query._TypePayload {
        switch self {
        case .photos: .photos
        case .videos: .videos
        case .audios: .audios
        }
    }
}
