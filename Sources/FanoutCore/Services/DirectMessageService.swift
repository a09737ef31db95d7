/// Sending and unsending direct messages, with their rules.
public struct DirectMessageService: Sendable {
    let store: any DirectMessageStore & FanOutStore & ChatStore
    let clock: any CreatorClock
    public let policy: MessagingPolicy

    public init(store: any DirectMessageStore & FanOutStore & ChatStore, clock: any CreatorClock, policy: MessagingPolicy) {
        self.store = store
        self.clock = clock
        self.policy = policy
    }

    /// Only an active subscriber the creator has not blocked can be
    /// messaged; media must be the creator's.
    public func send(_ content: MessageContent, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        try content.validate()
        switch try await store.standing(creatorID: creatorID, fanID: fanID) {
        case .subscribed: break
        case .blocked:
            throw FanoutError.badRequest("User \(fanID) is blocked by this creator: a blocked fan cannot be messaged", field: "userId")
        case .stranger, .lapsed:
            throw FanoutError.badRequest(
                "User \(fanID) is not an active subscriber of this creator: only subscribers can be messaged", field: "userId")
        }
        let owned = try await store.ownedMediaIDs(content.mediaIDs, creatorID: creatorID)
        let unknown = content.mediaIDs.filter { !owned.contains($0) }
        if !unknown.isEmpty {
            throw FanoutError.badRequest(
                "Unknown media in mediaItems: \(unknown.map(String.init).joined(separator: ", ")) (not in this creator's vault)",
                field: "mediaItems")
        }
        return try await store.sendDirectMessage(content, creatorID: creatorID, fanID: fanID, at: clock.now(creatorID: creatorID))
    }

    /// Unsends the creator's own direct message within the cancel window.
    public func unsend(messageID: Int64, creatorID: Int64, fanID: Int64, withUserID: Int64) async throws {
        guard let message = try await store.message(id: messageID, creatorID: creatorID, fanID: fanID) else {
            throw FanoutError.notFound("Message \(messageID) not found in the chat with user \(fanID)")
        }
        guard withUserID == fanID else {
            throw FanoutError.badRequest("withUserId (\(withUserID)) must be the chat's user (\(fanID))", field: "withUserId")
        }
        if !message.isFromCreator {
            throw FanoutError.badRequest("Message \(messageID) was sent by the fan: only your own messages can be unsent", field: "messageId")
        }
        if message.isFromQueue {
            throw FanoutError.badRequest(
                "Message \(messageID) is a delivery of mass message \(message.massMessageID!): unsend it with DELETE /v2/access/mass-messages/\(message.massMessageID!)",
                field: "messageId")
        }
        if message.purchasedAt != nil {
            throw FanoutError.badRequest("Message \(messageID) was bought: it can no longer be unsent", field: "messageId")
        }
        let now = clock.now(creatorID: creatorID)
        guard policy.cancelSeconds(message, now: now) > 0,
              try await store.deleteDirectMessage(
                id: messageID, creatorID: creatorID, fanID: fanID, sentNotBefore: now.addingTimeInterval(-policy.cancelWindow), at: now)
        else {
            throw FanoutError.badRequest(
                "Message \(messageID) can no longer be unsent: the cancel window of \(Int(policy.cancelWindow)) seconds has closed",
                field: "messageId")
        }
    }

    public func media(creatorID: Int64, query: ChatMediaQuery) async throws -> Page<ChatMessage> {
        guard try await store.chatExists(creatorID: creatorID, fanID: query.fanID) else {
            throw FanoutError.notFound("Chat with user \(query.fanID) not found")
        }
        return try await store.chatMedia(creatorID: creatorID, query: query)
    }
}
