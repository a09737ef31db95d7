import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: DirectMessageStore {
    public func standing(creatorID: Int64, fanID: Int64) async throws -> FanStanding {
        try await read { db in
            guard let row = try await db.rows(FanStatements.standing(creatorID: creatorID, fanID: fanID), logger).first else { return .stranger }
            let (isActive, isBlocked) = try row.decode((Bool, Bool).self)
            return FanStanding(isActive: isActive, isBlocked: isBlocked)
        }
    }

    public func sendDirectMessage(_ content: MessageContent, creatorID: Int64, fanID: Int64, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
            let inserted = MessageStatements.insertCreatorMessage(chatID: chatID, creatorID: creatorID, content: content, at: now)
            let id = try await db.value(Int64.self, inserted.postgresQuery, logger)!
            try await attach(db, content, to: .message, id: id)
            try await apply(db, DirectMessageSent(creatorID: creatorID, chatID: chatID, messageID: id, at: now).effects)
            return try await PostgresMessageRow.fetchAll(db, media: media, clause: "WHERE m.id = \(id)", logger: logger)[0]
        }
    }

    public func message(id: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage? {
        try await read { db in try await message(db, id: id, creatorID: creatorID, fanID: fanID) }
    }

    /// Message `id` of the chat with `fanID`, a message or a delivery.
    func message(_ db: PostgresConnection, id: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage? {
        var b = QueryBuilder()
        let message = b.bind(id), creator = b.bind(creatorID), fan = b.bind(fanID)
        return try await PostgresMessageRow.fetchBoth(
            db, media: media, builder: b,
            messages: "WHERE m.id = \(message) AND c.creator_id = \(creator) AND c.fan_id = \(fan)",
            deliveries: "WHERE d.creator_id = \(creator) AND d.message_id = \(message) AND d.fan_id = \(fan)",
            tail: "", logger: logger
        ).first
    }

    public func deleteDirectMessage(id: Int64, creatorID: Int64, fanID: Int64, sentNotBefore: Date, at now: Date) async throws -> Bool {
        try await write { db in
            guard let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: fanID, logger: logger) else { return false }
            let delete = MessageStatements.deleteDirectMessage(id: id, chatID: chatID, creatorID: creatorID, sentNotBefore: sentNotBefore)
            guard try await db.run(delete.postgresQuery, logger) > 0 else { return false }
            try await apply(db, DirectMessageUnsent(creatorID: creatorID, fanID: fanID, chatID: chatID, messageID: id, at: now).effects)
            return true
        }
    }

    public func chatMedia(creatorID: Int64, query: ChatMediaQuery) async throws -> Page<ChatMessage> {
        try await read { db in
            var b = QueryBuilder()
            let kindFilter = query.kind.map { " AND media.kind = \(b.bind($0.rawValue))" } ?? ""
            var condition = """
                (EXISTS (SELECT 1 FROM message_media a JOIN media ON media.id = a.media_id WHERE a.message_id = $id\(kindFilter))
                 OR EXISTS (SELECT 1 FROM mass_message_media a JOIN media ON media.id = a.media_id
                            WHERE a.mass_message_id = $mass_message_id\(kindFilter)))
                """
            if let before = query.before { condition += " AND $id < \(b.bind(before))" }
            if let opened = query.opened { condition += opened ? " AND $opened_at IS NOT NULL" : " AND $opened_at IS NULL" }
            return Page(
                fetched: try await chatMessages(
                    db, builder: b, creatorID: creatorID, fanID: query.fanID, condition: .init(condition), page: query.page),
                limit: query.page.limit)
        }
    }
}
