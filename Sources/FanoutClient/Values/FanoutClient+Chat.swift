extension FanoutClient {
    /// A conversation with one fan.
    public struct Chat: Sendable, Hashable, Identifiable {
        /// The fan (a chat is addressed by the fan's id).
        public var withUser: UserReference
        public var lastMessage: Message?
        public var unreadCount: Int
        public var canSendMessage: Bool
        /// Why a message cannot be sent, when it cannot.
        public var cannotSendReason: String?
        public var hasUnreadTips: Bool
        public var isMuted: Bool
        public var lastReadMessageID: Int?
        public var pinnedMessagesCount: Int

        public init(
            withUser: UserReference, lastMessage: Message? = nil, unreadCount: Int, canSendMessage: Bool,
            cannotSendReason: String? = nil, hasUnreadTips: Bool, isMuted: Bool, lastReadMessageID: Int? = nil,
            pinnedMessagesCount: Int
        ) {
            self.withUser = withUser
            self.lastMessage = lastMessage
            self.unreadCount = unreadCount
            self.canSendMessage = canSendMessage
            self.cannotSendReason = cannotSendReason
            self.hasUnreadTips = hasUnreadTips
            self.isMuted = isMuted
            self.lastReadMessageID = lastReadMessageID
            self.pinnedMessagesCount = pinnedMessagesCount
        }

        public var id: Int { withUser.id }
    }
}

extension FanoutClient {
    /// The order of the chats list.
    public enum ChatOrder: String, Sendable, Hashable, CaseIterable {
        /// The newest conversation first.
        case recent
        case old
    }

    /// Which chats the list keeps.
    public enum ChatFilter: String, Sendable, Hashable, CaseIterable {
        case priority
        case whoTipped = "who_tipped"
        case unread
    }
}
