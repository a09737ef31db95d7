import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: FanOutStore {
    public func ownedMediaIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await pool.read { db in
            Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM media WHERE creatorId = ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: [creatorID] + StatementArguments(ids)))
        }
    }

    public func ownedListIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await pool.read { db in
            Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM userList WHERE creatorId = ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: [creatorID] + StatementArguments(ids)))
        }
    }

    public func createMassMessage(_ draft: MassMessageDraft, creatorID: Int64, at now: Date) async throws -> MassMessage {
        try await pool.write { db in
            let state: MassMessageState = draft.scheduledAt == nil ? .queued : .scheduled
            try db.execute(
                sql: """
                    INSERT INTO massMessage (creatorId, text, priceCents, isLockedText, state, listType, createdAt, changedAt,
                        scheduledAt, subscribedAfter)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    creatorID, draft.content.text, draft.content.price.cents, draft.content.isLockedText, state.rawValue, state.listType.rawValue,
                    now, now, draft.scheduledAt, draft.audience.subscribedAfter,
                ])
            let id = db.lastInsertedRowID
            try Self.writeContent(db, id: id, draft: draft)
            if draft.scheduledAt == nil {
                try Self.startSending(db, id: id, creatorID: creatorID, at: now)
            } else {
                try Self.countAudience(db, id: id, creatorID: creatorID)
            }
            return try Self.massMessage(db, id: id, creatorID: creatorID)!
        }
    }

    public func replaceScheduledMassMessage(id: Int64, creatorID: Int64, with draft: MassMessageDraft, at now: Date) async throws -> MassMessage? {
        try await pool.write { db in
            let scheduled = draft.scheduledAt != nil
            try db.execute(
                sql: """
                    UPDATE massMessage SET text = ?, priceCents = ?, isLockedText = ?, scheduledAt = ?, subscribedAfter = ?,
                        changedAt = ?
                    WHERE id = ? AND creatorId = ? AND state = ?
                    """,
                arguments: [
                    draft.content.text, draft.content.price.cents, draft.content.isLockedText, draft.scheduledAt, draft.audience.subscribedAfter, now,
                    id, creatorID, MassMessageState.scheduled.rawValue,
                ])
            guard db.changesCount > 0 else { return nil }
            try db.execute(sql: "DELETE FROM massMessageMedia WHERE massMessageId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM massMessageAudience WHERE massMessageId = ?", arguments: [id])
            try Self.writeContent(db, id: id, draft: draft)
            if scheduled {
                try Self.countAudience(db, id: id, creatorID: creatorID)
            } else {
                try Self.startSending(db, id: id, creatorID: creatorID, at: now)
            }
            return try Self.massMessage(db, id: id, creatorID: creatorID)
        }
    }

    public func startDueMassMessages(at now: Date) async throws -> Int {
        try await pool.write { db in
            let due = try Row.fetchAll(
                db, sql: "SELECT id, creatorId FROM massMessage WHERE state = ? AND scheduledAt <= ? ORDER BY scheduledAt, id",
                arguments: [MassMessageState.scheduled.rawValue, now])
            for row in due {
                try Self.startSending(db, id: row["id"], creatorID: row["creatorId"], at: now)
            }
            return due.count
        }
    }

    public func deliverNextBatch(limit: Int, at now: Date) async throws -> Int {
        try await pool.write { db in
            guard let job = try Row.fetchOne(
                db, sql: "SELECT id, creatorId, fanOutCursor FROM massMessage WHERE state = ? ORDER BY id LIMIT 1",
                arguments: [MassMessageState.queued.rawValue])
            else { return 0 }
            let id: Int64 = job["id"], creatorID: Int64 = job["creatorId"], cursor: Int64 = job["fanOutCursor"]
            let fans = try Int64.fetchAll(
                db, sql: "SELECT fanId FROM massMessageRecipient WHERE massMessageId = ? AND fanId > ? ORDER BY fanId LIMIT ?",
                arguments: [id, cursor, limit])
            let delivered = try Self.deliver(db, massMessageID: id, creatorID: creatorID, to: fans, at: now)
            try Self.tally(db, creatorID: creatorID, kind: .groupMessages, at: now, count: delivered)
            let finished = fans.count < limit
            try db.execute(
                sql: """
                    UPDATE massMessage SET fanOutCursor = ?, sentCount = sentCount + ?,
                        pending = CASE WHEN ? THEN 0 ELSE MAX(0, pending - ?) END, changedAt = ?, state = ?, listType = ?
                    WHERE id = ?
                    """,
                arguments: [
                    fans.last ?? cursor, delivered, finished, fans.count, now,
                    finished ? MassMessageState.sent.rawValue : MassMessageState.queued.rawValue,
                    finished ? MassMessageListType.sent.rawValue : MassMessageListType.unsent.rawValue, id,
                ])
            return max(fans.count, 1)
        }
    }

    /// One delivery per fan in the fan's chat (created if missing). A replayed
    /// batch inserts nothing twice: (massMessageId, chatId) is unique.
    private static func deliver(_ db: Database, massMessageID: Int64, creatorID: Int64, to fans: [Int64], at now: Date) throws -> Int {
        guard !fans.isEmpty else { return 0 }
        let content = try Row.fetchOne(db, sql: "SELECT priceCents, isLockedText FROM massMessage WHERE id = ?", arguments: [massMessageID])!
        let insertDelivery = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO message (chatId, fromUserId, text, priceCents, isLockedText, massMessageId, createdAt, changedAt)
            VALUES (?, ?, NULL, ?, ?, ?, ?, ?)
            """)
        let touchChat = try db.cachedStatement(sql: "UPDATE chat SET lastMessageId = ? WHERE id = ?")
        let price: Int64 = content["priceCents"], locked: Bool = content["isLockedText"]
        var delivered = 0
        for fan in fans {
            let chatID = try chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fan)
            try insertDelivery.execute(arguments: [chatID, creatorID, price, locked, massMessageID, now, now])
            guard db.changesCount > 0 else { continue }
            delivered += 1
            try touchChat.execute(arguments: [db.lastInsertedRowID, chatID])
        }
        return delivered
    }

    /// Media (the first `previewMediaCount` are previews) and audience rows.
    private static func writeContent(_ db: Database, id: Int64, draft: MassMessageDraft) throws {
        let media = try db.cachedStatement(sql: "INSERT INTO massMessageMedia (massMessageId, position, mediaId, isPreview) VALUES (?, ?, ?, ?)")
        for (position, mediaID) in draft.content.mediaIDs.enumerated() {
            try media.execute(arguments: [id, position, mediaID, position < draft.content.previewMediaCount])
        }
        let audience = try db.cachedStatement(sql: "INSERT OR IGNORE INTO massMessageAudience (massMessageId, kind, refId) VALUES (?, ?, ?)")
        for (kind, ids) in [("user", draft.audience.userIDs), ("list", draft.audience.listIDs), ("exclude", draft.audience.excludedListIDs)] {
            for ref in ids { try audience.execute(arguments: [id, kind, ref]) }
        }
    }

    /// The recipients of mass message `:id`, as SQL over subscriptions and lists.
    private static let recipientsSQL = """
        SELECT s.fanId FROM subscription s
        WHERE s.creatorId = :creator AND s.isActive
          AND (:after IS NULL OR s.subscribedAt >= :after)
          AND (NOT EXISTS (SELECT 1 FROM massMessageAudience WHERE massMessageId = :id AND kind IN ('user', 'list'))
               OR s.fanId IN (SELECT refId FROM massMessageAudience WHERE massMessageId = :id AND kind = 'user')
               OR s.fanId IN (SELECT m.fanId FROM userListMember m
                              JOIN massMessageAudience a ON a.refId = m.listId AND a.kind = 'list' AND a.massMessageId = :id))
          AND s.fanId NOT IN (SELECT m.fanId FROM userListMember m
                              JOIN massMessageAudience a ON a.refId = m.listId AND a.kind = 'exclude' AND a.massMessageId = :id)
        """

    private static func audienceArguments(_ db: Database, id: Int64, creatorID: Int64) throws -> StatementArguments {
        let after = try Date?.fetchOne(db, sql: "SELECT subscribedAfter FROM massMessage WHERE id = ?", arguments: [id]) ?? nil
        return ["id": id, "creator": creatorID, "after": after]
    }

    /// A scheduled one's expected audience size (resolved again when it is due).
    private static func countAudience(_ db: Database, id: Int64, creatorID: Int64) throws {
        let total = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM (\(recipientsSQL))", arguments: audienceArguments(db, id: id, creatorID: creatorID)) ?? 0
        try db.execute(sql: "UPDATE massMessage SET total = ?, pending = ? WHERE id = ?", arguments: [total, total, id])
    }

    /// Resolves the recipients into massMessageRecipient (in SQL: nothing is
    /// held in memory) and queues the mass message for fan-out.
    private static func startSending(_ db: Database, id: Int64, creatorID: Int64, at now: Date) throws {
        try db.execute(sql: "DELETE FROM massMessageRecipient WHERE massMessageId = ?", arguments: [id])
        try db.execute(
            sql: "INSERT OR IGNORE INTO massMessageRecipient (massMessageId, fanId) SELECT :id, fanId FROM (\(recipientsSQL))",
            arguments: audienceArguments(db, id: id, creatorID: creatorID))
        let total = db.changesCount
        try db.execute(
            sql: """
                UPDATE massMessage SET state = ?, listType = ?, sentAt = ?, changedAt = ?, total = ?, pending = ?,
                    sentCount = 0, fanOutCursor = 0
                WHERE id = ?
                """,
            arguments: [MassMessageState.queued.rawValue, MassMessageListType.unsent.rawValue, now, now, total, total, id])
    }
}
