import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: DemoImporting {
    /// Writes the whole dataset in one transaction, a table at a time from
    /// arrays (`unnest`, 5,000 rows a statement), then derives every chat
    /// counter from the rows it wrote.
    public func importDemo(_ dataset: DemoDataset) async throws {
        try await write { db in
            let creators = Set(dataset.creatorIDs)
            for users in dataset.users.chunked(5_000) {
                let avatars = Nullable(users.map(\.avatar), placeholder: "")
                try await db.run("""
                    INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator)
                    SELECT id, name, username, CASE WHEN has_avatar THEN avatar END, is_verified, is_creator
                    FROM unnest(\(users.map(\.id)), \(users.map(\.name)), \(users.map(\.username)), \(avatars.values), \(avatars.present),
                                \(users.map(\.isVerified)), \(users.map { creators.contains($0.id) }))
                        AS u (id, name, username, avatar, has_avatar, is_verified, is_creator)
                    """, logger)
            }
            for subscriptions in dataset.subscriptions.chunked(5_000) {
                try await db.run("""
                    INSERT INTO subscription (creator_id, fan_id, subscribed_at, is_active)
                    SELECT * FROM unnest(\(subscriptions.map(\.creatorID)), \(subscriptions.map(\.fanID)),
                                         \(subscriptions.map(\.subscribedAt)), \(subscriptions.map(\.isActive)))
                    """, logger)
            }
            try await insertMedia(db, dataset.media)
            let massIDs = try await insertMassMessages(db, dataset.massMessages)
            try await insertMessages(db, dataset, massIDs: massIDs)
            try await deriveChatCounters(db)
            try await Self.deriveDailyActivity(db, logger: logger)
            try await db.run(EarningStatements.recordMissing(.postgres), logger)
        }
        // Statistics now, not whenever autovacuum gets to it: the planner
        // picks the per-fan and per-chat indexes from them.
        try await read { db in try await db.run("ANALYZE", logger) }
    }

    private func insertMedia(_ db: PostgresConnection, _ media: [Media]) async throws {
        for items in media.chunked(5_000) {
            let duration = Nullable(items.map(\.duration), placeholder: 0)
            let thumb = Nullable(items.map(\.thumbURL), placeholder: ""), preview = Nullable(items.map(\.previewURL), placeholder: "")
            let square = Nullable(items.map(\.squarePreviewURL), placeholder: "")
            let v240 = Nullable(items.map(\.video240URL), placeholder: ""), v720 = Nullable(items.map(\.video720URL), placeholder: "")
            try await db.run("""
                INSERT INTO media (id, creator_id, kind, created_at, is_ready, has_error, converted_to_video, has_custom_preview,
                    duration, width, height, size, full_url, thumb_url, preview_url, square_preview_url, video240_url, video720_url)
                SELECT id, creator_id, kind, created_at, is_ready, has_error, converted, custom_preview,
                    CASE WHEN has_duration THEN duration END, width, height, size, full_url,
                    CASE WHEN has_thumb THEN thumb END, CASE WHEN has_preview THEN preview END, CASE WHEN has_square THEN square END,
                    CASE WHEN has_240 THEN v240 END, CASE WHEN has_720 THEN v720 END
                FROM unnest(\(items.map(\.id)), \(items.map(\.creatorID)), \(items.map(\.kind.rawValue)), \(items.map(\.createdAt)),
                            \(items.map(\.isReady)), \(items.map(\.hasError)), \(items.map(\.convertedToVideo)), \(items.map(\.hasCustomPreview)),
                            \(duration.values), \(duration.present), \(items.map(\.width)), \(items.map(\.height)), \(items.map(\.size)),
                            \(items.map(\.fullURL)), \(thumb.values), \(thumb.present), \(preview.values), \(preview.present),
                            \(square.values), \(square.present), \(v240.values), \(v240.present), \(v720.values), \(v720.present))
                    AS m (id, creator_id, kind, created_at, is_ready, has_error, converted, custom_preview, duration, has_duration,
                          width, height, size, full_url, thumb, has_thumb, preview, has_preview, square, has_square, v240, has_240, v720, has_720)
                """, logger)
        }
        try await db.run("SELECT setval('media_id_seq', GREATEST((SELECT MAX(id) FROM media), 1))", logger)
    }

    /// Inserted oldest first, so ids grow with time as they do live. Returns
    /// each one's id, by its index in `messages`.
    private func insertMassMessages(_ db: PostgresConnection, _ messages: [DemoDataset.MassMessage]) async throws -> [Int64] {
        var ids = Array(repeating: Int64(0), count: messages.count)
        for index in messages.indices.sorted(by: { messages[$0].createdAt < messages[$1].createdAt }) {
            let message = messages[index]
            let pending = message.state == .sent || message.state == .canceled ? 0 : message.total - message.sentCount
            // A half-sent one goes on from its cursor over its stored recipients, in one slice.
            let sending = message.state == .queued
            let id = try await db.value(Int64.self, """
                INSERT INTO mass_message (creator_id, text, price_cents, is_locked_text, state, list_type, created_at, changed_at,
                    scheduled_at, sent_at, canceled_at, total, pending, sent_count, viewed_count, purchased_count, fan_out_slices_left)
                VALUES (\(message.creatorID), \(message.text), \(message.price.cents), \(message.isLockedText), \(message.state.rawValue),
                    \(message.state.listType.rawValue), \(message.createdAt), \(message.canceledAt ?? message.sentAt ?? message.createdAt),
                    \(message.scheduledAt), \(message.sentAt), \(message.canceledAt), \(message.total), \(pending), \(message.sentCount),
                    \(message.viewedCount), \(message.purchasedCount), \(sending ? 1 : 0))
                RETURNING id
                """, logger)!
            ids[index] = id
            if !message.attachments.isEmpty {
                try await db.run("""
                    INSERT INTO mass_message_media (mass_message_id, position, media_id, is_preview)
                    SELECT \(id), position - 1, media_id, is_preview
                    FROM unnest(\(message.attachments.map(\.mediaID)), \(message.attachments.map(\.isPreview)))
                        WITH ORDINALITY AS a (media_id, is_preview, position)
                    """, logger)
            }
            if !message.recipients.isEmpty {
                try await db.run("""
                    INSERT INTO mass_message_recipient (mass_message_id, fan_id) SELECT \(id), fan_id FROM unnest(\(message.recipients)) AS r (fan_id)
                    """, logger)
            }
            if sending {
                try await db.run("""
                    INSERT INTO fan_out_slice (mass_message_id, slice, cursor, last_fan_id) VALUES (\(id), 0, \(message.fanOutCursor), \(Int64.max))
                    """, logger)
            }
        }
        return ids
    }

    private func insertMessages(_ db: PostgresConnection, _ dataset: DemoDataset, massIDs: [Int64]) async throws {
        // Chats in order of their first message, each with an id from chat's sequence.
        var chatKeys: [[Int64]] = []
        var seen: Set<[Int64]> = []
        for message in dataset.messages where seen.insert([message.creatorID, message.fanID]).inserted {
            chatKeys.append([message.creatorID, message.fanID])
        }
        let chatIDs = try await reserveIDs(db, sequence: "chat_id_seq", count: chatKeys.count)
        let chatID = Dictionary(uniqueKeysWithValues: zip(chatKeys, chatIDs))
        for chunk in Array(zip(chatKeys, chatIDs)).chunked(5_000) {
            try await db.run("""
                INSERT INTO chat (id, creator_id, fan_id, is_muted)
                SELECT * FROM unnest(\(chunk.map(\.1)), \(chunk.map { $0.0[0] }), \(chunk.map { $0.0[1] }),
                                     \(chunk.map { dataset.mutedChats.contains($0.0) }))
                """, logger)
        }
        let messageIDs = try await reserveIDs(db, sequence: "message_id_seq", count: dataset.messages.count)
        for chunk in Array(zip(dataset.messages, messageIDs)).chunked(5_000) {
            let messages = chunk.map(\.0)
            let massID = Nullable(messages.map { $0.massMessage.map { massIDs[$0] } }, placeholder: 0)
            let opened = Nullable(messages.map(\.openedAt), placeholder: .distantPast)
            let purchased = Nullable(messages.map(\.purchasedAt), placeholder: .distantPast)
            try await db.run("""
                INSERT INTO message (id, chat_id, from_user_id, text, price_cents, is_locked_text, is_tip, mass_message_id, created_at,
                    changed_at, opened_at, purchased_at, is_liked, is_pinned)
                SELECT id, chat_id, from_user_id, CASE WHEN has_mass THEN NULL ELSE text END, price_cents, is_locked_text, is_tip,
                    CASE WHEN has_mass THEN mass_id END, created_at, created_at,
                    CASE WHEN has_opened THEN opened_at END, CASE WHEN has_purchased THEN purchased_at END, is_liked, is_pinned
                FROM unnest(\(chunk.map(\.1)), \(messages.map { chatID[[$0.creatorID, $0.fanID]]! }),
                            \(messages.map { $0.fromCreator ? $0.creatorID : $0.fanID }), \(messages.map(\.text)), \(messages.map(\.price.cents)),
                            \(messages.map(\.isLockedText)), \(messages.map(\.isTip)), \(massID.values), \(massID.present),
                            \(messages.map(\.createdAt)), \(opened.values), \(opened.present), \(purchased.values), \(purchased.present),
                            \(messages.map(\.isLiked)), \(messages.map(\.isPinned)))
                    AS m (id, chat_id, from_user_id, text, price_cents, is_locked_text, is_tip, mass_id, has_mass, created_at,
                          opened_at, has_opened, purchased_at, has_purchased, is_liked, is_pinned)
                """, logger)
            // Attachments of direct messages (a delivery shows its mass message's).
            let links = chunk.filter { $0.0.massMessage == nil }.flatMap { message, id in
                message.attachments.enumerated().map { (id, $0.offset, $0.element.mediaID, $0.element.isPreview) }
            }
            if !links.isEmpty {
                try await db.run("""
                    INSERT INTO message_media (message_id, position, media_id, is_preview)
                    SELECT * FROM unnest(\(links.map(\.0)), \(links.map(\.1)), \(links.map(\.2)), \(links.map(\.3)))
                    """, logger)
            }
            let bought = chunk.filter { $0.0.purchasedAt != nil }
            if !bought.isEmpty {
                let mass = Nullable(bought.map { $0.0.massMessage.map { massIDs[$0] } }, placeholder: 0)
                try await db.run("""
                    INSERT INTO purchase (message_id, mass_message_id, creator_id, fan_id, amount_cents, created_at)
                    SELECT message_id, CASE WHEN has_mass THEN mass_id END, creator_id, fan_id, amount, created_at
                    FROM unnest(\(bought.map(\.1)), \(mass.values), \(mass.present), \(bought.map { $0.0.creatorID }), \(bought.map { $0.0.fanID }),
                                \(bought.map { $0.0.price.cents }), \(bought.map { $0.0.purchasedAt! }))
                        AS p (message_id, mass_id, has_mass, creator_id, fan_id, amount, created_at)
                    """, logger)
            }
        }
    }

    /// `count` fresh ids of `sequence`, ascending.
    private func reserveIDs(_ db: PostgresConnection, sequence: String, count: Int) async throws -> [Int64] {
        guard count > 0 else { return [] }
        return try await db.values(
            Int64.self, "SELECT nextval(\(sequence)::regclass) FROM generate_series(1, \(count))", logger
        ).sorted()
    }

    /// Unread counts, tips, spending, pins and the newest message of each chat,
    /// from its messages and purchases.
    private func deriveChatCounters(_ db: PostgresConnection) async throws {
        try await db.run("""
            UPDATE chat SET
                last_message_id = m.last_id, last_read_message_id = m.last_read_id, unread_count = m.unread,
                has_unread_tips = m.unread_tips, tips_cents = m.tips, pinned_count = m.pinned,
                spent_cents = m.tips + COALESCE(
                    (SELECT SUM(p.amount_cents) FROM purchase p WHERE p.creator_id = chat.creator_id AND p.fan_id = chat.fan_id), 0)
            FROM (
                SELECT m.chat_id, MAX(m.id) AS last_id,
                       MAX(m.id) FILTER (WHERE m.from_user_id = c.fan_id AND m.opened_at IS NOT NULL) AS last_read_id,
                       COUNT(*) FILTER (WHERE m.from_user_id = c.fan_id AND m.opened_at IS NULL) AS unread,
                       COALESCE(bool_or(m.is_tip AND m.from_user_id = c.fan_id AND m.opened_at IS NULL), false) AS unread_tips,
                       COALESCE(SUM(m.price_cents) FILTER (WHERE m.is_tip), 0) AS tips,
                       COUNT(*) FILTER (WHERE m.is_pinned) AS pinned
                FROM message m JOIN chat c ON c.id = m.chat_id GROUP BY m.chat_id) AS m
            WHERE chat.id = m.chat_id
            """, logger)
    }
}

/// A column of optional values as `unnest` takes it: the values (a
/// placeholder for each nil) and whether each is there.
struct Nullable<Value> {
    var values: [Value]
    var present: [Bool]

    init(_ column: [Value?], placeholder: Value) {
        values = column.map { $0 ?? placeholder }
        present = column.map { $0 != nil }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension PostgresStorage {
    public func isEmpty() async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, "SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM app_user)", logger) ?? true
        }
    }
}
