import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: DirectMessageStore {
    public func isActiveSubscriber(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM subscription WHERE creator_id = \(creatorID) AND fan_id = \(fanID) AND is_active)
                """, logger) ?? false
        }
    }

    public func sendDirectMessage(_ content: MessageContent, creatorID: Int64, fanID: Int64, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
            let id = try await db.value(Int64.self, """
                INSERT INTO message (chat_id, from_user_id, text, price_cents, is_locked_text, created_at, changed_at)
                VALUES (\(chatID), \(creatorID), \(content.text), \(content.price.cents), \(content.isLockedText), \(now), \(now))
                RETURNING id
                """, logger)!
            try await attach(db, content, to: .message, id: id)
            try await db.run("UPDATE chat SET last_message_id = \(id) WHERE id = \(chatID)", logger)
            try await Self.tally(db, creatorID: creatorID, kind: .directMessages, at: now, count: 1, logger: logger)
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
            let deleted = try await db.run("""
                DELETE FROM message
                WHERE id = \(id) AND chat_id = \(chatID) AND from_user_id = \(creatorID) AND mass_message_id IS NULL
                  AND purchased_at IS NULL AND created_at >= \(sentNotBefore)
                RETURNING 1
                """, logger)
            guard deleted > 0 else { return false }
            try await db.run(
                "UPDATE chat SET last_message_id = (SELECT MAX(id) FROM message WHERE chat_id = chat.id) WHERE id = \(chatID)", logger)
            try await Self.enqueueWebhookEvent(
                db, type: .chatMessageDeleted, creatorID: creatorID, subjectID: id, fanID: fanID, at: now, logger: logger)
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
                            WHERE a.mass_message_id = $massMessageId\(kindFilter)))
                """
            if let before = query.before { condition += " AND $id < \(b.bind(before))" }
            if let opened = query.opened { condition += opened ? " AND $openedAt IS NOT NULL" : " AND $openedAt IS NULL" }
            return Page(
                fetched: try await chatMessages(
                    db, builder: b, creatorID: creatorID, fanID: query.fanID, condition: .init(condition), page: query.page),
                limit: query.page.limit)
        }
    }
}
