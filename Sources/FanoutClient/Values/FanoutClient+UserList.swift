extension FanoutClient {
    /// One of the creator's lists of fans.
    public struct UserList: Sendable, Hashable, Identifiable {
        public var id: Int
        /// 1 to 100 characters, unique among the creator's lists.
        public var name: String
        /// `custom` for a list the creator made.
        public var kind: String
        public var usersCount: Int
        public var postsCount: Int
        /// The (up to 10) most recently added members, newest first.
        public var recentMembers: [User]
        public var canUpdate: Bool
        public var canDelete: Bool
        public var canManageUsers: Bool
        public var canAddUsers: Bool
        public var isPinnedToFeed: Bool
        public var isPinnedToChat: Bool

        public init(
            id: Int, name: String, kind: String, usersCount: Int, postsCount: Int, recentMembers: [User], canUpdate: Bool,
            canDelete: Bool, canManageUsers: Bool, canAddUsers: Bool, isPinnedToFeed: Bool, isPinnedToChat: Bool
        ) {
            self.id = id
            self.name = name
            self.kind = kind
            self.usersCount = usersCount
            self.postsCount = postsCount
            self.recentMembers = recentMembers
            self.canUpdate = canUpdate
            self.canDelete = canDelete
            self.canManageUsers = canManageUsers
            self.canAddUsers = canAddUsers
            self.isPinnedToFeed = isPinnedToFeed
            self.isPinnedToChat = isPinnedToChat
        }
    }

    /// What adding a user to several lists at once did: the lists it is on
    /// now, and those that refused it with why.
    public struct ListsMembership: Sendable, Hashable {
        public struct Failure: Sendable, Hashable {
            public var listID: Int
            public var reason: String

            public init(listID: Int, reason: String) {
                self.listID = listID
                self.reason = reason
            }
        }

        /// The lists the user was added to (or already was on).
        public var addedListIDs: [Int]
        public var failures: [Failure]

        public init(addedListIDs: [Int], failures: [Failure]) {
            self.addedListIDs = addedListIDs
            self.failures = failures
        }
    }
}
