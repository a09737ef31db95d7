/// Chats between one creator and their fans.
public protocol ChatStore: Sendable {
    func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary>
    /// Whether the creator has a chat with this user.
    func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool
    /// One message (not a delivery nobody acted on) of the creator's chats.
    func chatMessage(id: Int64, creatorID: Int64) async throws -> ChatMessage?
    /// Newest first, per the query's cursor, search and offset — or why
    /// there is no page: the chat, or the `first_id` message, does not exist.
    /// One read: these checks and the page see the same snapshot.
    func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> ChatMessagesLookup
    func users(ids: [Int64]) async throws -> [UserProfile]
}

/// What a chat-messages read found.
public enum ChatMessagesLookup: Sendable {
    case page(Page<ChatMessage>)
    /// The creator has no chat with this user.
    case noChat
    /// `first_id` names no message of the chat.
    case noFirstMessage
}
