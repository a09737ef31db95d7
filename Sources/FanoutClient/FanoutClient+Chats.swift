public import Foundation

extension FanoutClient {
    /// The API's maximum page of chat messages.
    public static let chatMessagesPageLimit = 10

    /// One page of chats (`limit` 1–20); only the fans of user list
    /// `userListID` when given.
    public func chatsPage(
        order: ChatOrder? = nil, filter: ChatFilter? = nil, query: String? = nil, userListID: Int? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Page<Chat> {
        let page = try await call {
            try await api.listChats(query: .init(
                limit: limit, offset: offset, order: order?.wire, filter: filter?.wire,
                query: query, userListId: userListID)).ok.body.json
        }
        return Page(items: try page.list.map(Chat.init), hasMore: page.hasMore, offset: offset, nextOffset: page.nextOffset)
    }

    /// Every chat, page by page (by the server's `nextOffset`).
    public func chats(
        order: ChatOrder? = nil, filter: ChatFilter? = nil, query: String? = nil, userListID: Int? = nil, pageSize: Int = 20
    ) -> PagedSequence<Chat> {
        .byOffset { offset in
            try await chatsPage(order: order, filter: filter, query: query, userListID: userListID, limit: pageSize, offset: offset)
        }
    }

    /// One page of a chat's messages, newest first: older than `lastID`
    /// when given; from `firstID` (that message first, 404 when it is not in
    /// this chat) when given; `query` keeps those whose text contains it
    /// (`limit` 1–10).
    public func chatMessagesPage(
        userID: Int, lastID: Int? = nil, firstID: Int? = nil, query: String? = nil, limit: Int = chatMessagesPageLimit, offset: Int? = nil
    ) async throws -> Page<Message> {
        try await messagesPage(userID: userID, lastID: lastID, firstID: firstID, query: query, includeUsers: false, limit: limit, offset: offset)
            .messages
    }

    /// ``chatMessagesPage(userID:lastID:firstID:query:limit:offset:)`` with
    /// the chat's two participants, the creator and the fan.
    public func chatMessagesPageWithUsers(
        userID: Int, lastID: Int? = nil, firstID: Int? = nil, query: String? = nil, limit: Int = chatMessagesPageLimit, offset: Int? = nil
    ) async throws -> ChatMessagesPage {
        try await messagesPage(userID: userID, lastID: lastID, firstID: firstID, query: query, includeUsers: true, limit: limit, offset: offset)
    }

    /// A page of `GET /v2/access/chats/{userId}/messages`, `include_users` when asked.
    private func messagesPage(
        userID: Int, lastID: Int?, firstID: Int?, query: String?, includeUsers: Bool, limit: Int, offset: Int?
    ) async throws -> ChatMessagesPage {
        let page = try await call {
            try await api.listChatMessages(
                path: .init(userId: String(userID)),
                query: .init(limit: limit, offset: offset, query: query, lastId: lastID.map(String.init), firstId: firstID.map(String.init), includeUsers: includeUsers ? true : nil)
            ).ok.body.json
        }
        let messages = try page.list.map(Message.init)
        let next = page.hasMore ? (page.nextLastId ?? messages.last?.id) : nil
        return ChatMessagesPage(messages: Page(items: messages, next: next.map { .lastID($0) }), users: (page.users ?? []).map(User.init))
    }

    /// Every message of the chat with `userID`, newest first, walked by
    /// `last_id` cursor (never by offset: new messages do not shift it),
    /// at most 10 a page as the API allows.
    public func chatMessages(userID: Int, query: String? = nil, pageSize: Int = chatMessagesPageLimit) -> PagedSequence<Message> {
        let size = min(max(1, pageSize), Self.chatMessagesPageLimit)
        return .byLastID { lastID in try await chatMessagesPage(userID: userID, lastID: lastID, query: query, limit: size) }
    }

    /// Sends a direct message (paid too) to `userID`, an active subscriber
    /// of the creator (else 400 naming `userId`); answers the message.
    public func sendMessage(to userID: Int, _ draft: MessageDraft, idempotencyKey: String? = nil) async throws -> Message {
        let message = try await call {
            try await api.sendChatMessage(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(draft.wire)
            ).ok.body.json
        }
        return try Message(message)
    }

    /// Sends a text message to `userID`, at `price` (0: free).
    public func sendMessage(to userID: Int, text: String, price: Decimal = 0, idempotencyKey: String? = nil) async throws -> Message {
        try await sendMessage(to: userID, MessageDraft(text: text, price: price), idempotencyKey: idempotencyKey)
    }

    /// Unsends one of the creator's direct messages in the chat with
    /// `userID`, within 120 seconds of sending and unless it was bought.
    public func unsendMessage(id: Int, userID: Int, idempotencyKey: String? = nil) async throws -> UnsentMessage {
        let answer = try await call {
            try await api.unsendChatMessage(
                path: .init(userId: String(userID), messageId: String(id)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(withUserId: .init(value1: userID)))
            ).ok.body.json
        }
        return UnsentMessage(isSuccess: answer.success)
    }

    /// One page of the chat's messages that carry media, newest first:
    /// older than `lastID` when given; only those with `kind` of media, or
    /// those the recipient opened (or not) when given; `senderNames` false
    /// leaves out the senders' names (`limit` 1–100).
    public func chatMediaPage(
        userID: Int, kind: ChatMediaKind? = nil, opened: Bool? = nil, senderNames: Bool = true, lastID: Int? = nil,
        limit: Int = 20, offset: Int? = nil
    ) async throws -> Page<Message> {
        let page = try await call {
            try await api.listChatMedia(
                path: .init(userId: String(userID)),
                query: .init(
                    limit: limit, offset: offset, lastId: lastID.map(String.init), _type: kind?.wire, opened: opened.map { $0 ? ._true : ._false },
                    skipUsers: senderNames ? nil : .all)
            ).ok.body.json
        }
        let messages = try page.list.map(Message.init)
        return Page(items: messages, next: page.hasMore ? messages.last.map { .lastID($0.id) } : nil)
    }

    /// Every message of the chat with `userID` that carries media, newest
    /// first, walked by `last_id` (new messages do not shift it).
    public func chatMedia(
        userID: Int, kind: ChatMediaKind? = nil, opened: Bool? = nil, senderNames: Bool = true, pageSize: Int = 20
    ) -> PagedSequence<Message> {
        .byLastID { lastID in
            try await chatMediaPage(userID: userID, kind: kind, opened: opened, senderNames: senderNames, lastID: lastID, limit: pageSize)
        }
    }
}
