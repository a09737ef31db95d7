/// Reading chats and their messages.
public struct ChatService: Sendable {
    let store: any ChatStore

    public init(store: any ChatStore) { self.store = store }

    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        try await store.chats(creatorID: creatorID, query: query)
    }

    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> Page<ChatMessage> {
        guard try await store.chatExists(creatorID: creatorID, fanID: query.fanID) else {
            throw FanoutError.notFound("Chat with user \(query.fanID) not found")
        }
        if let firstID = query.startingAt,
           try await !store.messageExists(id: firstID, creatorID: creatorID, fanID: query.fanID) {
            throw FanoutError.notFound("Message \(firstID) (first_id) not found in the chat with user \(query.fanID)")
        }
        return try await store.messages(creatorID: creatorID, query: query)
    }

    /// One user's profile (the creator, for `fromUser` on mass messages).
    public func profile(id: Int64) async throws -> UserProfile? {
        try await store.users(ids: [id]).first
    }

    /// The creator and the fan, for `include_users`.
    public func participants(creatorID: Int64, fanID: Int64) async throws -> [UserProfile] {
        try await store.users(ids: [creatorID, fanID])
    }
}
