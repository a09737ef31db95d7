import Foundation

extension FanoutClient {
    public typealias ChatOrder = Operations.ListChats.Input.Query.OrderPayload
    public typealias ChatFilter = Operations.ListChats.Input.Query.FilterPayload
    /// The API's maximum page of chat messages.
    public static let chatMessagesPageLimit = 10

    /// One page of chats (`limit` 1–20); only the fans of user list
    /// `userListID` when given.
    public func chatsPage(
        order: ChatOrder? = nil, filter: ChatFilter? = nil, query: String? = nil, userListID: Int? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Components.Schemas.ChatList {
        try await call {
            try await api.listChats(query: .init(
                limit: limit, offset: offset, order: order, filter: filter, query: query, userListId: userListID)).ok.body.json
        }
    }

    /// Every chat, page by page (by the server's `nextOffset`).
    public func chats(
        order: ChatOrder? = nil, filter: ChatFilter? = nil, query: String? = nil, userListID: Int? = nil, pageSize: Int = 20
    ) -> PagedSequence<Chat> {
        PagedSequence(first: .offset(0)) { cursor in
            guard case .offset(let offset) = cursor else { return .init(items: [], next: nil) }
            let page = try await chatsPage(
                order: order, filter: filter, query: query, userListID: userListID, limit: pageSize, offset: offset)
            let next = page.hasMore ? (page.nextOffset ?? offset + page.list.count) : nil
            return .init(items: page.list, next: next.map { .offset($0) })
        }
    }

    /// One page of a chat's messages, newest first: older than `lastID`
    /// when given (`limit` 1–10).
    public func chatMessagesPage(
        userID: Int, lastID: String? = nil, firstID: String? = nil, query: String? = nil, includeUsers: Bool? = nil,
        limit: Int = chatMessagesPageLimit, offset: Int? = nil
    ) async throws -> Components.Schemas.MessageList {
        try await call {
            try await api.listChatMessages(
                path: .init(userId: String(userID)),
                query: .init(limit: limit, offset: offset, query: query, lastId: lastID, firstId: firstID, includeUsers: includeUsers)
            ).ok.body.json
        }
    }

    /// Every message of the chat with `userID`, newest first, walked by
    /// `last_id` cursor (never by offset: new messages do not shift it),
    /// at most 10 a page as the API allows.
    public func chatMessages(userID: Int, query: String? = nil, pageSize: Int = chatMessagesPageLimit) -> PagedSequence<Message> {
        let size = min(max(1, pageSize), Self.chatMessagesPageLimit)
        return PagedSequence(first: nil) { cursor in
            var lastID: String?
            if case .lastID(let id) = cursor { lastID = id }
            let page = try await chatMessagesPage(userID: userID, lastID: lastID, query: query, limit: size)
            let next = page.hasMore ? (page.nextLastId.map(String.init) ?? page.list.last.map { String($0.value1.id) }) : nil
            return .init(items: page.list, next: next.map { .lastID($0) })
        }
    }

    /// Sends a direct message (paid too) to an active subscriber.
    public func sendMessage(to userID: Int, _ body: MessageBody, idempotencyKey: String? = nil) async throws -> Message {
        try await call {
            try await api.sendChatMessage(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(body)
            ).ok.body.json
        }
    }

    /// Unsends one of the creator's direct messages within its window.
    public func unsendMessage(id: Int, userID: Int, idempotencyKey: String? = nil) async throws -> UnsentMessage {
        try await call {
            try await api.unsendChatMessage(
                path: .init(userId: String(userID), messageId: String(id)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(withUserId: .init(value1: userID)))
            ).ok.body.json
        }
    }

    /// One page of the media sent in the chat with `userID`.
    public func chatMedia(userID: Int, limit: Int = 20, offset: Int = 0, lastID: String? = nil) async throws -> ChatMedia {
        try await call {
            try await api.listChatMedia(path: .init(userId: String(userID)), query: .init(limit: limit, offset: offset, lastId: lastID)).ok.body.json
        }
    }
}
