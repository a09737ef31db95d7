/// What `GET /chats/:userId/messages` asks for, validated.
public struct ChatMessageQuery: Sendable, Equatable {
    public var fanID: Int64
    public var page: PageRequest
    /// Only messages strictly older than this id (`last_id`).
    public var before: Int64?
    /// This message first, then older ones (`first_id`).
    public var startingAt: Int64?
    /// Case-insensitive substring of the text; `%` and `_` are literal.
    public var search: String?

    public init(fanID: Int64, page: PageRequest, before: Int64? = nil, startingAt: Int64? = nil, search: String? = nil) {
        self.fanID = fanID
        self.page = page
        self.before = before
        self.startingAt = startingAt
        self.search = search
    }
}
