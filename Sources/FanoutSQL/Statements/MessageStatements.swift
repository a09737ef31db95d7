import FanoutCore
import Foundation

/// The statements of a chat's messages whose text is the same on both
/// engines. Those ending in `RETURNING` are read as rows (their count says
/// whether anything changed).
public enum MessageStatements {
    /// A fan's message, a tip when `tip` is given; returns its id.
    public static func insertFanMessage(chatID: Int64, fanID: Int64, text: String, tip: Money?, at date: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO message (chat_id, from_user_id, text, price_cents, is_tip, created_at, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.integer(chatID), .integer(fanID), .text(text), .integer(tip?.cents ?? 0), .bool(tip != nil), .date(date), .date(date)])
    }

    /// A creator's direct message (its media are attached by the engine); returns its id.
    public static func insertCreatorMessage(chatID: Int64, creatorID: Int64, content: MessageContent, at date: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO message (chat_id, from_user_id, text, price_cents, is_locked_text, created_at, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [
                .integer(chatID), .integer(creatorID), .text(content.text), .integer(content.price.cents), .bool(content.isLockedText),
                .date(date), .date(date),
            ])
    }

    /// Takes the fan's delivery `id` out of the deliveries; returns its
    /// mass message's id and its own date (NULL: its send's; `DeliveryDate`).
    public static func takeDelivery(id: Int64, creatorID: Int64, fanID: Int64) -> SQLStatement {
        SQLStatement(
            "DELETE FROM mass_delivery WHERE creator_id = ? AND message_id = ? AND fan_id = ? RETURNING mass_message_id, delivered_at",
            [.integer(creatorID), .integer(id), .integer(fanID)])
    }

    /// The message a taken delivery becomes: same id, its mass message's
    /// price and lock, dated as the delivery was (`deliveredAt`, else when
    /// the mass message started sending, or was created).
    public static func insertDeliveredMessage(id: Int64, chatID: Int64, massMessageID: Int64, deliveredAt: Date?) -> SQLStatement {
        SQLStatement("""
            INSERT INTO message (id, chat_id, from_user_id, text, price_cents, is_locked_text, mass_message_id, created_at, changed_at)
            SELECT ?1, ?2, creator_id, NULL, price_cents, is_locked_text, id, COALESCE(?4, sent_at, created_at), COALESCE(?4, sent_at, created_at)
            FROM mass_message WHERE id = ?3
            """, [.integer(id), .integer(chatID), .integer(massMessageID), deliveredAt.map { .date($0) } ?? .null])
    }

    /// Opens the creator's message `id`, once; returns its mass message's id (NULL for a direct message).
    public static func markOpened(id: Int64, chatID: Int64, creatorID: Int64, at date: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE message SET opened_at = ?
            WHERE id = ? AND chat_id = ? AND from_user_id = ? AND opened_at IS NULL
            RETURNING mass_message_id
            """, [.date(date), .integer(id), .integer(chatID), .integer(creatorID)])
    }

    /// Marks the creator's priced message `id` bought, once; returns its price and mass message's id.
    public static func markPurchased(id: Int64, chatID: Int64, creatorID: Int64, at date: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE message SET purchased_at = ?, changed_at = ?
            WHERE id = ? AND chat_id = ? AND from_user_id = ? AND purchased_at IS NULL AND price_cents > 0
            RETURNING price_cents, mass_message_id
            """, [.date(date), .date(date), .integer(id), .integer(chatID), .integer(creatorID)])
    }

    /// The purchase row; returns its id.
    public static func insertPurchase(
        messageID: Int64, massMessageID: Int64?, creatorID: Int64, fanID: Int64, price: Money, at date: Date
    ) -> SQLStatement {
        SQLStatement("""
            INSERT INTO purchase (message_id, mass_message_id, creator_id, fan_id, amount_cents, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """, [.integer(messageID), SQLValue(massMessageID), .integer(creatorID), .integer(fanID), .integer(price.cents), .date(date)])
    }

    /// Deletes the creator's direct message `id` if unbought and sent at or
    /// after `sentNotBefore`; returns a row when it did.
    public static func deleteDirectMessage(id: Int64, chatID: Int64, creatorID: Int64, sentNotBefore: Date) -> SQLStatement {
        SQLStatement("""
            DELETE FROM message
            WHERE id = ? AND chat_id = ? AND from_user_id = ? AND mass_message_id IS NULL AND purchased_at IS NULL
              AND created_at >= ?
            RETURNING 1
            """, [.integer(id), .integer(chatID), .integer(creatorID), .date(sentNotBefore)])
    }
}

/// The statements of mass messages whose text is the same on both engines.
public enum MassMessageStatements {
    /// A new mass message in `state` (its media, audience and fan-out are the engine's); returns its id.
    public static func insert(_ draft: MassMessageDraft, creatorID: Int64, state: MassMessageState, at date: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO mass_message (creator_id, text, price_cents, is_locked_text, state, list_type, created_at, changed_at,
                scheduled_at, subscribed_after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [
                .integer(creatorID), .text(draft.content.text), .integer(draft.content.price.cents), .bool(draft.content.isLockedText),
                .text(state.rawValue), .text(state.listType.rawValue), .date(date), .date(date), SQLValue(draft.scheduledAt),
                SQLValue(draft.audience.subscribedAfter),
            ])
    }

    /// Deletes mass message `id` while it is scheduled; returns a row when it did.
    public static func deleteScheduled(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement(
            "DELETE FROM mass_message WHERE id = ? AND creator_id = ? AND state = ? RETURNING 1",
            [.integer(id), .integer(creatorID), .text(MassMessageState.scheduled.rawValue)])
    }

    /// Rewrites scheduled mass message `id` with `draft`; returns a row when it did.
    public static func replaceScheduled(id: Int64, creatorID: Int64, with draft: MassMessageDraft, at date: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE mass_message SET text = ?, price_cents = ?, is_locked_text = ?, scheduled_at = ?, subscribed_after = ?, changed_at = ?
            WHERE id = ? AND creator_id = ? AND state = ?
            RETURNING 1
            """, [
                .text(draft.content.text), .integer(draft.content.price.cents), .bool(draft.content.isLockedText), SQLValue(draft.scheduledAt),
                SQLValue(draft.audience.subscribedAfter), .date(date), .integer(id), .integer(creatorID), .text(MassMessageState.scheduled.rawValue),
            ])
    }

    /// Cancels mass message `id` if in one of `states` and (when given) sent
    /// at or after `sentNotBefore`; returns a row when it did.
    public static func recall(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at date: Date
    ) -> SQLStatement {
        let states = states.map(\.rawValue).sorted()
        let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
        var arguments: [SQLValue] = [
            .text(MassMessageRecall.state.rawValue), .text(MassMessageRecall.listType.rawValue), .date(date), .date(date),
            .integer(id), .integer(creatorID),
        ]
        arguments += states.map(SQLValue.text)
        if let sentNotBefore { arguments.append(.date(sentNotBefore)) }
        return SQLStatement("""
            UPDATE mass_message
            SET state = ?, list_type = ?, canceled_at = ?, changed_at = ?, pending = 0
            WHERE id = ? AND creator_id = ? AND state IN (\(states.isEmpty ? "NULL" : marks))\(sentNotBefore == nil ? "" : " AND sent_at >= ?")
            RETURNING 1
            """, arguments)
    }
}
