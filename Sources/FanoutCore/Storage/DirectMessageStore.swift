import Foundation

/// Direct messages between a creator and one fan.
public protocol DirectMessageStore: Sendable {
    /// Where the fan stands with the creator, for messaging either way.
    func standing(creatorID: Int64, fanID: Int64) async throws -> FanStanding
    /// Stores a message from the creator in the chat (created if missing) and
    /// makes it the chat's newest.
    func sendDirectMessage(_ content: MessageContent, creatorID: Int64, fanID: Int64, at now: Date) async throws -> ChatMessage
    func message(id: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage?
    /// Deletes the creator's own direct message if nobody bought it and it was
    /// sent at or after `sentNotBefore`; false when that did not hold. Its
    /// `realtime.chat_message.deleted` event is written with it.
    func deleteDirectMessage(id: Int64, creatorID: Int64, fanID: Int64, sentNotBefore: Date, at now: Date) async throws -> Bool
    /// Messages of the chat that carry media (of `kind`, when given), newest first.
    func chatMedia(creatorID: Int64, query: ChatMediaQuery) async throws -> Page<ChatMessage>
}

/// What `GET /chats/:userId/media` asks for.
public struct ChatMediaQuery: Sendable, Equatable {
    public var fanID: Int64
    public var page: PageRequest
    public var before: Int64?
    public var kind: MediaKind?
    /// Only opened (true) or unopened (false) messages.
    public var opened: Bool?

    public init(fanID: Int64, page: PageRequest, before: Int64? = nil, kind: MediaKind? = nil, opened: Bool? = nil) {
        self.fanID = fanID
        self.page = page
        self.before = before
        self.kind = kind
        self.opened = opened
    }
}
