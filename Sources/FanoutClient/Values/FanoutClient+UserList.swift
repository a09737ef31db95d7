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
    }

    /// What adding a user to several lists at once did: the lists it is on
    /// now, and those that refused it with why.
    public struct ListsMembership: Sendable, Hashable {
        public struct Failure: Sendable, Hashable {
            public var listID: Int
            public var reason: String
        }

        /// The lists the user was added to (or already was on).
        public var addedListIDs: [Int]
        public var failures: [Failure]
    }
}
