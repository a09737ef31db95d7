internal import Foundation

extension FanoutClient.AvatarThumbnails {
    package init(_ wire: Components.Schemas.AvatarThumbs?) {
        self.init(size50: WireValue.url(wire?.c50), size144: WireValue.url(wire?.c144))
    }
}

extension FanoutClient.User {
    /// The full user object (`include_users`, a release form's user).
    package init(_ wire: Components.Schemas.User) {
        self.init(
            id: wire.id, name: wire.name, username: wire.username, isVerified: wire.isVerified,
            avatar: WireValue.url(wire.avatar), avatarThumbnails: .init(wire.avatarThumbs))
    }

    /// A user with the creator's custom name and note (`GET /users/{userId}`).
    package init(_ wire: Components.Schemas.NotedUser) {
        self.init(wire.value1)
        customName = WireValue.text(wire.value2.displayName)
        note = WireValue.text(wire.value2.notice)
    }

    /// A list member or a buyer.
    package init(_ wire: Components.Schemas.ListUser) {
        self.init(
            id: wire.id, name: wire.name, username: wire.username, isVerified: wire.isVerified,
            avatar: WireValue.url(wire.avatar), avatarThumbnails: .init(wire.avatarThumbs))
    }
}

extension WireValue {
    /// A text the API sends as "" for none, as nil.
    package static func text(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension FanoutClient.Fan {
    package init(_ wire: Components.Schemas.Fan) {
        let user = FanoutClient.User(
            id: wire.id, name: wire.name, username: wire.username, isVerified: wire.isVerified, avatar: WireValue.url(wire.avatar),
            avatarThumbnails: .init(wire.avatarThumbs), customName: WireValue.text(wire.displayName), note: WireValue.text(wire.notice))
        self.init(
            user: user, lists: wire.lists.map { FanoutClient.UserListReference(id: $0.id, name: $0.name) }, isSubscribed: wire.subscribedOn,
            isPerformer: wire.isPerformer, isRestricted: wire.isRestricted, canRestrict: wire.canRestrict, isBlocked: wire.isBlocked,
            canReceiveChatMessages: wire.canReceiveChatMessage, canChat: wire.canChat)
    }
}
