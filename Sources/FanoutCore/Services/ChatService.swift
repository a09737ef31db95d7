/// Reading chats and their messages.
public struct ChatService: Sendable {
    let store: any ChatStore & UserListStore

    public init(store: any ChatStore & UserListStore) { self.store = store }

    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        // Another creator's list is as unknown as a list that never was.
        if let listID = query.userListID, try await store.userList(id: listID, creatorID: creatorID) == nil {
            throw FanoutError.notFound("List \(listID) not found")
        }
        if SearchText.findsNothing(query.search) { return Page(fetched: [], limit: query.page.limit) }
        return try await store.chats(creatorID: creatorID, query: query)
    }

    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> Page<ChatMessage> {
        // A search that finds nothing still says whether the chat exists.
        var query = query
        let findsNothing = SearchText.findsNothing(query.search)
        if findsNothing { query.search = nil }
        switch try await store.messages(creatorID: creatorID, query: query) {
        case .page(let page):
            return findsNothing ? Page(fetched: [], limit: query.page.limit) : page
        case .noChat:
            throw FanoutError.notFound("Chat with user \(query.fanID) not found")
        case .noFirstMessage:
            throw FanoutError.notFound("Message \(query.startingAt ?? 0) (first_id) not found in the chat with user \(query.fanID)")
        }
    }

    /// Profiles of these users (those that exist).
    public func users(ids: [Int64]) async throws -> [UserProfile] {
        try await store.users(ids: ids)
    }

    /// The creator and the fan, for `include_users`.
    public func participants(creatorID: Int64, fanID: Int64) async throws -> [UserProfile] {
        try await store.users(ids: [creatorID, fanID])
    }
}
