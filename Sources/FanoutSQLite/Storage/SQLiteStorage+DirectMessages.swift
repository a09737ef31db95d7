import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: DirectMessageStore {
    public func isActiveSubscriber(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM subscription WHERE creatorId = ? AND fanId = ? AND isActive)",
                arguments: [creatorID, fanID]) ?? false
        }
    }

    public func sendDirectMessage(_ content: MessageContent, creatorID: Int64, fanID: Int64, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
            try db.execute(
                sql: """
                    INSERT INTO message (chatId, fromUserId, text, priceCents, isLockedText, createdAt, changedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [chatID, creatorID, content.text, content.price.cents, content.isLockedText, now, now])
            let id = db.lastInsertedRowID
            let attach = try db.cachedStatement(sql: "INSERT INTO messageMedia (messageId, position, mediaId, isPreview) VALUES (?, ?, ?, ?)")
            for (position, mediaID) in content.mediaIDs.enumerated() {
                try attach.execute(arguments: [id, position, mediaID, position < content.previewMediaCount])
            }
            try db.execute(sql: "UPDATE chat SET lastMessageId = ? WHERE id = ?", arguments: [id, chatID])
            try Self.tally(db, creatorID: creatorID, kind: .directMessages, at: now, count: 1)
            return try MessageRow.fetchAll(db, media: media, where: "WHERE m.id = ?", arguments: [id])[0]
        }
    }

    public func message(id: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage? {
        try await read { db in try Self.message(db, media: media, id: id, creatorID: creatorID, fanID: fanID) }
    }

    /// Message `id` of the chat with `fanID`, a message or a delivery.
    static func message(_ db: Database, media: MediaCache, id: Int64, creatorID: Int64, fanID: Int64) throws -> ChatMessage? {
        try MessageRow.fetchBoth(
            db, media: media,
            messages: "WHERE m.id = :id AND c.creatorId = :creator AND c.fanId = :fan",
            deliveries: "WHERE d.creatorId = :creator AND d.messageId = :id AND d.fanId = :fan", index: .byID,
            tail: "", arguments: ["id": id, "creator": creatorID, "fan": fanID]
        ).first
    }

    public func deleteDirectMessage(id: Int64, creatorID: Int64, fanID: Int64, sentNotBefore: Date, at now: Date) async throws -> Bool {
        try await write { db in
            guard let chatID = try Self.chatID(db, creatorID: creatorID, fanID: fanID) else { return false }
            try db.execute(
                sql: """
                    DELETE FROM message
                    WHERE id = ? AND chatId = ? AND fromUserId = ? AND massMessageId IS NULL AND purchasedAt IS NULL
                      AND createdAt >= ?
                    """,
                arguments: [id, chatID, creatorID, sentNotBefore])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: "UPDATE chat SET lastMessageId = (SELECT MAX(id) FROM message WHERE chatId = chat.id) WHERE id = ?",
                arguments: [chatID])
            try Self.enqueueWebhookEvent(db, type: .chatMessageDeleted, creatorID: creatorID, subjectID: id, fanID: fanID, at: now)
            return true
        }
    }

    public func chatMedia(creatorID: Int64, query: ChatMediaQuery) async throws -> Page<ChatMessage> {
        try await read { db in
            let chatID = try Self.chatID(db, creatorID: creatorID, fanID: query.fanID)
            let kindFilter = query.kind == nil ? "" : " AND media.kind = :kind"
            var condition = """
                (EXISTS (SELECT 1 FROM messageMedia a JOIN media ON media.id = a.mediaId WHERE a.messageId = $id\(kindFilter))
                 OR EXISTS (SELECT 1 FROM massMessageMedia a JOIN media ON media.id = a.mediaId
                            WHERE a.massMessageId = $massMessageId\(kindFilter)))
                """
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "chat": chatID, "creator": creatorID, "fan": query.fanID, "kind": query.kind?.rawValue,
                "limit": query.page.limit + 1, "offset": query.page.offset,
            ]
            if let before = query.before {
                condition += " AND $id < :before"
                arguments["before"] = before
            }
            if let opened = query.opened { condition += opened ? " AND $openedAt IS NOT NULL" : " AND $openedAt IS NULL" }
            return Page(
                fetched: try Self.chatMessages(db, media: media, condition: MessageRow.Condition(condition), arguments: arguments),
                limit: query.page.limit)
        }
    }
}
