extension FanoutClient.UserList {
    package init(_ wire: Components.Schemas.UserList) {
        self.init(
            id: wire.id, name: wire.name, kind: wire._type, usersCount: wire.usersCount ?? wire.users.count, postsCount: wire.postsCount ?? 0,
            recentMembers: wire.users.map(FanoutClient.User.init), canUpdate: wire.canUpdate ?? false, canDelete: wire.canDelete ?? false,
            canManageUsers: wire.canManageUsers ?? false, canAddUsers: wire.canAddUsers ?? false,
            isPinnedToFeed: wire.isPinnedToFeed ?? false, isPinnedToChat: wire.isPinnedToChat ?? false)
    }
}

extension FanoutClient.ListsMembership {
    package init(_ wire: Components.Schemas.ListsMembershipResponse) {
        self.init(
            addedListIDs: wire.success.filter(\.success).map(\.listId),
            failures: (wire.errors ?? []).map { Failure(listID: $0.listId, reason: $0.error) })
    }
}
