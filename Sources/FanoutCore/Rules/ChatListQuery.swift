/// What `GET /chats` asks for, validated.
public struct ChatListQuery: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        /// Newest last message first.
        case recent
        /// Oldest last message first.
        case old
    }

    public enum Filter: String, Sendable, CaseIterable {
        /// Fans who ever spent (tips or purchases).
        case priority
        /// Fans who ever tipped.
        case whoTipped = "who_tipped"
        /// Chats with unread messages from the fan.
        case unread
    }

    public var page: PageRequest
    public var order: Order
    public var filter: Filter?
    /// Case-insensitive substring of the fan's name or username.
    public var search: String?
    /// Only fans in this user list of the creator's (`userListId`).
    public var userListID: Int64?

    public init(page: PageRequest, order: Order = .recent, filter: Filter? = nil, search: String? = nil, userListID: Int64? = nil) {
        self.page = page
        self.order = order
        self.filter = filter
        self.search = search
        self.userListID = userListID
    }
}
