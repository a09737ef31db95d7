extension FanoutClient {
    /// A user as the creator's users endpoints show them (search, by ids,
    /// restricted, blocked): the profile, the creator's name and note for
    /// them, its lists they are on, and what the creator may do with them.
    public struct Fan: Sendable, Hashable, Identifiable {
        /// The profile, with the creator's `customName` and `note` (nil when none).
        public var user: User
        /// The creator's lists they are on.
        public var lists: [UserListReference]
        /// They subscribe to the creator now.
        public var isSubscribed: Bool
        /// They are a creator (here: the creator itself).
        public var isPerformer: Bool
        public var isRestricted: Bool
        public var canRestrict: Bool
        public var isBlocked: Bool
        /// The creator can write to them (subscribed and not blocked).
        public var canReceiveChatMessages: Bool
        public var canChat: Bool

        public init(
            user: User, lists: [UserListReference], isSubscribed: Bool, isPerformer: Bool, isRestricted: Bool, canRestrict: Bool,
            isBlocked: Bool, canReceiveChatMessages: Bool, canChat: Bool
        ) {
            self.user = user
            self.lists = lists
            self.isSubscribed = isSubscribed
            self.isPerformer = isPerformer
            self.isRestricted = isRestricted
            self.canRestrict = canRestrict
            self.isBlocked = isBlocked
            self.canReceiveChatMessages = canReceiveChatMessages
            self.canChat = canChat
        }

        public var id: Int { user.id }
    }

    /// A user list as a fan or a subscriber names it.
    public struct UserListReference: Sendable, Hashable, Identifiable {
        public var id: Int
        public var name: String

        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }
}
