import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: SandboxStore {
    public func organizationIDs(connectedToCreator creatorID: Int64) async throws -> [Int64] {
        try await read { db in
            try await db.rows("SELECT DISTINCT organization_id FROM connection WHERE creator_id = \(creatorID)", logger)
                .map { try $0.decode(Int64.self) }
        }
    }

    public func fanSendsMessage(creatorID: Int64, fanID: Int64, text: String, tip: Money?, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
            let cents = tip?.cents ?? 0, isTip = tip != nil
            let id = try await db.value(Int64.self, """
                INSERT INTO message (chat_id, from_user_id, text, price_cents, is_tip, created_at, changed_at)
                VALUES (\(chatID), \(fanID), \(text), \(cents), \(isTip), \(now), \(now))
                RETURNING id
                """, logger)!
            try await db.run("""
                UPDATE chat SET last_message_id = \(id), unread_count = unread_count + 1,
                    has_unread_tips = has_unread_tips OR \(isTip), tips_cents = tips_cents + \(cents), spent_cents = spent_cents + \(cents)
                WHERE id = \(chatID)
                """, logger)
            try await Self.enqueueWebhookEvent(db, type: .chatMessageReceived, creatorID: creatorID, subjectID: id, at: now, logger: logger)
            return try await PostgresMessageRow.fetchAll(db, media: media, clause: "WHERE m.id = \(id)", logger: logger)[0]
        }
    }

    public func fanOpensMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            return try await open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
        }
    }

    public func fanBuysMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            guard let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: fanID, logger: logger),
                  let row = try await db.rows("""
                      UPDATE message SET purchased_at = \(now), changed_at = \(now)
                      WHERE id = \(id) AND chat_id = \(chatID) AND from_user_id = \(creatorID) AND purchased_at IS NULL AND price_cents > 0
                      RETURNING price_cents, mass_message_id
                      """, logger).first
            else { return false }
            let (cents, massMessageID) = try row.decode((Int64, Int64?).self)
            // Buying opens it, if it was not open yet.
            _ = try await open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
            let purchaseID = try await db.value(Int64.self, """
                INSERT INTO purchase (message_id, mass_message_id, creator_id, fan_id, amount_cents, created_at)
                VALUES (\(id), \(massMessageID), \(creatorID), \(fanID), \(cents), \(now))
                RETURNING id
                """, logger)!
            try await db.run("UPDATE chat SET spent_cents = spent_cents + \(cents) WHERE id = \(chatID)", logger)
            try await Self.tally(
                db, creatorID: creatorID, kind: massMessageID == nil ? .directMessagesPurchases : .groupMessagesPurchases,
                at: now, count: 1, grossCents: cents, logger: logger)
            if let massMessageID {
                try await db.run("UPDATE mass_message SET purchased_count = purchased_count + 1 WHERE id = \(massMessageID)", logger)
                try await Self.enqueueWebhookEvent(
                    db, type: .massMessagePurchased, creatorID: creatorID, subjectID: purchaseID, fanID: fanID, at: now, logger: logger)
            }
            return true
        }
    }

    /// When message `id` of this fan is a delivery not yet acted on, turns
    /// it into a message row of the same id (creating the chat row if the fan
    /// had none), so that what the fan does to it can be kept.
    func materializeDelivery(_ db: PostgresConnection, id: Int64, creatorID: Int64, fanID: Int64) async throws {
        guard let massMessageID = try await db.value(Int64.self, """
            DELETE FROM mass_delivery WHERE creator_id = \(creatorID) AND message_id = \(id) AND fan_id = \(fanID)
            RETURNING mass_message_id
            """, logger)
        else { return }
        let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
        try await db.run("""
            INSERT INTO message (id, chat_id, from_user_id, text, price_cents, is_locked_text, mass_message_id, created_at, changed_at)
            SELECT \(id), \(chatID), creator_id, NULL, price_cents, is_locked_text, id, COALESCE(sent_at, created_at), COALESCE(sent_at, created_at) FROM mass_message WHERE id = \(massMessageID)
            """, logger)
        try await db.run(
            "UPDATE chat SET last_message_id = GREATEST(COALESCE(last_message_id, 0), \(id)) WHERE id = \(chatID)", logger)
    }

    /// Marks the creator's message opened; a delivery also counts a view on
    /// its mass message. Once only.
    private func open(_ db: PostgresConnection, id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        guard let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: fanID, logger: logger),
              let row = try await db.rows("""
                  UPDATE message SET opened_at = \(now)
                  WHERE id = \(id) AND chat_id = \(chatID) AND from_user_id = \(creatorID) AND opened_at IS NULL
                  RETURNING mass_message_id
                  """, logger).first
        else { return false }
        if let massMessageID = try row.decode(Int64?.self) {
            try await db.run("UPDATE mass_message SET viewed_count = viewed_count + 1 WHERE id = \(massMessageID)", logger)
        }
        return true
    }
}
