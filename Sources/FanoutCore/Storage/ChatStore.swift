/// Chats between one creator and their fans.
public protocol ChatStore: Sendable {
    func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary>
    /// Whether the creator has a chat with this user.
    func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool
    func messageExists(id: Int64, creatorID: Int64, fanID: Int64) async throws -> Bool
    /// Newest first, per the query's cursor, search and offset.
    func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> Page<ChatMessage>
    func users(ids: [Int64]) async throws -> [UserProfile]
}
