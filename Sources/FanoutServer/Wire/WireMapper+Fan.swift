import FanoutAPI
import FanoutCore

extension WireMapper {
    /// OnlyFans' user object as the creator sees the user. The creator
    /// itself is the performer; a fan can be written to while subscribed
    /// and not blocked.
    func fan(_ fan: FanProfile, creatorID: Int64) -> Components.Schemas.Fan {
        let user = self.user(fan.user)
        let isCreator = fan.user.id == creatorID
        let canMessage = fan.isSubscribed && !fan.isBlocked
        return .init(
            id: user.id, username: user.username, name: user.name, displayName: fan.displayName, notice: fan.notice,
            isVerified: user.isVerified, avatar: user.avatar,
            avatarThumbs: user.avatarThumbs, lists: fan.lists.map { .init(id: Int($0.id), _type: "custom", name: $0.name) },
            isPerformer: isCreator, subscribedBy: false, subscribedOn: fan.isSubscribed, isRestricted: fan.isRestricted,
            canRestrict: !isCreator, isBlocked: fan.isBlocked, canReceiveChatMessage: canMessage, canChat: canMessage)
    }
}
