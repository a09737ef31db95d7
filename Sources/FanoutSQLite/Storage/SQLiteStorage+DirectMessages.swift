import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: DirectMessageStore {
    public func standing(creatorID: Int64, fanID: Int64) async throws -> FanStanding {
        try pageRead { db in
            guard let row = try db.run(FanStatements.standing(creatorID: creatorID, fanID: fanID)).first else { return .stranger }
            return FanStanding(isActive: row[0], isBlocked: row[1])
        }
    }

    public func sendDirectMessage(_ content: MessageContent, creatorID: Int64, fanID: Int64, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
            let id: Int64 = try db.run(MessageStatements.insertCreatorMessage(chatID: chatID, creatorID: creatorID, content: content, at: now))[0][0]
            let attach = try db.cachedStatement(sql: "INSERT INTO message_media (message_id, position, media_id, is_preview) VALUES (?, ?, ?, ?)")
            for (position, mediaID) in content.mediaIDs.enumerated() {
                try attach.execute(arguments: [id, position, mediaID, position < content.previewMediaCount])
            }
            try Self.apply(db, DirectMessageSent(creatorID: creatorID, chatID: chatID, messageID: id, at: now).effects)
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
            messages: "WHERE m.id = :id AND c.creator_id = :creator AND c.fan_id = :fan",
            deliveries: "WHERE d.creator_id = :creator AND d.message_id = :id AND d.fan_id = :fan", index: .byID,
            tail: "", arguments: ["id": id, "creator": creatorID, "fan": fanID]
        ).first
    }

    public func deleteDirectMessage(id: Int64, creatorID: Int64, fanID: Int64, sentNotBefore: Date, at now: Date) async throws -> Bool {
        try await write { db in
            guard let chatID = try Self.chatID(db, creatorID: creatorID, fanID: fanID),
                  !(try db.run(MessageStatements.deleteDirectMessage(id: id, chatID: chatID, creatorID: creatorID, sentNotBefore: sentNotBefore))).isEmpty
            else { return false }
            try Self.apply(db, DirectMessageUnsent(creatorID: creatorID, fanID: fanID, chatID: chatID, messageID: id, at: now).effects)
            return true
        }
    }

    public func chatMedia(creatorID: Int64, query: ChatMediaQuery) async throws -> Page<ChatMessage> {
        try await read { db in
            let chatID = try Self.chatID(db, creatorID: creatorID, fanID: query.fanID)
            let kindFilter = query.kind == nil ? "" : " AND media.kind = :kind"
            var condition = """
                (EXISTS (SELECT 1 FROM message_media a JOIN media ON media.id = a.media_id WHERE a.message_id = $id\(kindFilter))
                 OR EXISTS (SELECT 1 FROM mass_message_media a JOIN media ON media.id = a.media_id
                            WHERE a.mass_message_id = $mass_message_id\(kindFilter)))
                """
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "chat": chatID, "creator": creatorID, "fan": query.fanID, "kind": query.kind?.rawValue,
                "limit": query.page.limit + 1, "offset": query.page.offset,
            ]
            if let before = query.before {
                condition += " AND $id < :before"
                arguments["before"] = before
            }
            if let opened = query.opened { condition += opened ? " AND $opened_at IS NOT NULL" : " AND $opened_at IS NULL" }
            return Page(
                fetched: try Self.chatMessages(db, media: media, condition: MessageCondition(condition), arguments: arguments),
                limit: query.page.limit)
        }
    }
}
