import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: SandboxStore {
    public func organizationIDs(connectedToCreator creatorID: Int64) async throws -> [Int64] {
        try await read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT organizationId FROM connection WHERE creatorId = ?", arguments: [creatorID])
        }
    }

    public func fanSendsMessage(creatorID: Int64, fanID: Int64, text: String, tip: Money?, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
            let cents = tip?.cents ?? 0
            try db.execute(
                sql: """
                    INSERT INTO message (chatId, fromUserId, text, priceCents, isTip, createdAt, changedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [chatID, fanID, text, cents, tip != nil, now, now])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: """
                    UPDATE chat SET lastMessageId = ?, unreadCount = unreadCount + 1,
                        hasUnreadTips = hasUnreadTips OR ?, tipsCents = tipsCents + ?, spentCents = spentCents + ?
                    WHERE id = ?
                    """,
                arguments: [id, tip != nil, cents, cents, chatID])
            try Self.enqueueWebhookEvent(db, type: .chatMessageReceived, creatorID: creatorID, subjectID: id, at: now)
            return try MessageRow.fetchAll(db, media: media, where: "WHERE m.id = ?", arguments: [id])[0]
        }
    }

    public func fanOpensMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try Self.materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            return try Self.open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
        }
    }

    public func fanBuysMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try Self.materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            guard let chatID = try Self.chatID(db, creatorID: creatorID, fanID: fanID) else { return false }
            try db.execute(
                sql: """
                    UPDATE message SET purchasedAt = ?, changedAt = ?
                    WHERE id = ? AND chatId = ? AND fromUserId = ? AND purchasedAt IS NULL AND priceCents > 0
                    """,
                arguments: [now, now, id, chatID, creatorID])
            guard db.changesCount > 0 else { return false }
            // Buying opens it, if it was not open yet.
            _ = try Self.open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
            let row = try Row.fetchOne(db, sql: "SELECT priceCents, massMessageId FROM message WHERE id = ?", arguments: [id])!
            let cents: Int64 = row["priceCents"], massMessageID: Int64? = row["massMessageId"]
            try db.execute(
                sql: "INSERT INTO purchase (messageId, massMessageId, creatorId, fanId, amountCents, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, massMessageID, creatorID, fanID, cents, now])
            let purchaseID = db.lastInsertedRowID
            try db.execute(sql: "UPDATE chat SET spentCents = spentCents + ? WHERE id = ?", arguments: [cents, chatID])
            try Self.tally(
                db, creatorID: creatorID, kind: massMessageID == nil ? .directMessagesPurchases : .groupMessagesPurchases,
                at: now, count: 1, grossCents: cents)
            if let massMessageID {
                try db.execute(
                    sql: "UPDATE massMessage SET purchasedCount = purchasedCount + 1 WHERE id = ?", arguments: [massMessageID])
                try Self.enqueueWebhookEvent(
                    db, type: .massMessagePurchased, creatorID: creatorID, subjectID: purchaseID, fanID: fanID, at: now)
            }
            return true
        }
    }

    /// When message `id` of this fan is a delivery not yet acted on, turns
    /// it into a message row of the same id (creating the chat row if the fan
    /// had none), so that what the fan does to it can be kept.
    static func materializeDelivery(_ db: Database, id: Int64, creatorID: Int64, fanID: Int64) throws {
        guard let massMessageID = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT massMessageId FROM massDelivery WHERE creatorId = ? AND messageId = ? AND fanId = ?"),
            arguments: [creatorID, id, fanID])
        else { return }
        let chatID = try chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
        try db.execute(
            sql: """
                INSERT INTO message (id, chatId, fromUserId, text, priceCents, isLockedText, massMessageId, createdAt, changedAt)
                SELECT ?, ?, creatorId, NULL, priceCents, isLockedText, id, COALESCE(sentAt, createdAt), COALESCE(sentAt, createdAt) FROM massMessage WHERE id = ?
                """,
            arguments: [id, chatID, massMessageID])
        try db.execute(sql: "DELETE FROM massDelivery WHERE creatorId = ? AND messageId = ?", arguments: [creatorID, id])
        try db.execute(
            sql: "UPDATE chat SET lastMessageId = MAX(COALESCE(lastMessageId, 0), ?) WHERE id = ?", arguments: [id, chatID])
    }

    /// Marks the creator's message opened; a delivery also counts a view on
    /// its mass message. Once only.
    private static func open(_ db: Database, id: Int64, creatorID: Int64, fanID: Int64, at now: Date) throws -> Bool {
        guard let chatID = try chatID(db, creatorID: creatorID, fanID: fanID) else { return false }
        try db.execute(
            sql: "UPDATE message SET openedAt = ? WHERE id = ? AND chatId = ? AND fromUserId = ? AND openedAt IS NULL",
            arguments: [now, id, chatID, creatorID])
        guard db.changesCount > 0 else { return false }
        try db.execute(
            sql: """
                UPDATE massMessage SET viewedCount = viewedCount + 1
                WHERE id = (SELECT massMessageId FROM message WHERE id = ?)
                """,
            arguments: [id])
        return true
    }
}
