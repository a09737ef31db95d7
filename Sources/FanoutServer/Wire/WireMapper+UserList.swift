import FanoutAPI
import FanoutCore

extension WireMapper {
    func userList(_ list: UserList) -> Components.Schemas.UserList {
        .init(
            id: Int(list.id), _type: "custom", name: list.name, usersCount: list.usersCount, postsCount: 0,
            order: "recent", direction: "desc", canUpdate: true, canDelete: true, canManageUsers: true, canAddUsers: true,
            canPinnedToFeed: false, isPinnedToFeed: false, canPinnedToChat: false, isPinnedToChat: false,
            sortList: [.init(order: "recent", direction: "desc")], users: list.recentMembers.map(listUser))
    }

    func listUser(_ user: UserProfile) -> Components.Schemas.ListUser {
        let full = self.user(user)
        return .init(id: full.id, username: full.username, name: full.name, isVerified: full.isVerified,
                     avatar: full.avatar, avatarThumbs: full.avatarThumbs)
    }
}
