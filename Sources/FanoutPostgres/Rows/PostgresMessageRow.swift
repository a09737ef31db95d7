import FanoutCore
import Foundation
import PostgresNIO

/// Reads chat messages, by column position: `message` rows and the
/// deliveries of mass messages no fan has acted on yet (`mass_delivery`), in
/// the same columns. A delivery takes its text and media from the mass message.
enum PostgresMessageRow {
    static let select = """
        SELECT m.id, m.from_user_id, m.price_cents, m.is_locked_text, m.is_tip, m.mass_message_id, m.created_at,
               m.changed_at, m.opened_at, m.purchased_at, m.is_liked, m.is_pinned,
               COALESCE(m.text, mm.text, '') AS body, mm.state AS queue_state, mm.sent_at AS queue_sent_at,
               c.creator_id, c.fan_id, sender.name AS sender_name,
               CASE WHEN m.mass_message_id IS NULL THEN m.media ELSE mm.media END
        FROM message m
        JOIN chat c ON c.id = m.chat_id
        JOIN app_user sender ON sender.id = m.from_user_id
        LEFT JOIN mass_message mm ON mm.id = m.mass_message_id
        """

    /// A delivery is dated when its mass message started sending (the
    /// demo's half-sent one has no such date: when it was created), and is
    /// unopened, unbought, unliked and unpinned (acting on it makes it a message).
    static let selectDelivery = """
        SELECT d.message_id, d.creator_id, mm.price_cents, mm.is_locked_text, false, d.mass_message_id, COALESCE(mm.sent_at, mm.created_at),
               COALESCE(mm.sent_at, mm.created_at), NULL::timestamptz, NULL::timestamptz, false, false,
               mm.text, mm.state, mm.sent_at,
               d.creator_id, d.fan_id, sender.name,
               mm.media
        FROM mass_delivery d
        JOIN mass_message mm ON mm.id = d.mass_message_id
        JOIN app_user sender ON sender.id = d.creator_id
        """

    /// A condition written once for both kinds: `$id`, `$text`, `$openedAt`
    /// and `$massMessageId` stand for the columns of the kind at hand.
    struct Condition {
        var template: String

        init(_ template: String) { self.template = template }

        var onMessage: String {
            substitute(["$id": "m.id", "$text": "COALESCE(m.text, mm.text, '')", "$openedAt": "m.opened_at", "$massMessageId": "m.mass_message_id"])
        }

        var onDelivery: String {
            substitute(["$id": "d.message_id", "$text": "mm.text", "$openedAt": "NULL::timestamptz", "$massMessageId": "d.mass_message_id"])
        }

        private func substitute(_ columns: [String: String]) -> String {
            columns.keys.sorted { $0.count > $1.count }.reduce(template) { $0.replacingOccurrences(of: $1, with: columns[$1]!) }
        }
    }

    /// `select` + `clause`, with attachments.
    static func fetchAll(_ db: PostgresConnection, media: MediaCache, clause: PostgresQuery, logger: Logger) async throws -> [ChatMessage] {
        var query = clause
        query.sql = select + " " + clause.sql
        return try await decode(db, media: media, query: query, logger: logger)
    }

    /// Both kinds, each filtered by its own `WHERE`, then `tail` (order,
    /// limit) over the union: with each side walking an index in id order,
    /// PostgreSQL merges the two (Merge Append) instead of sorting.
    static func fetchBoth(
        _ db: PostgresConnection, media: MediaCache, builder: QueryBuilder, messages: String, deliveries: String, tail: String,
        logger: Logger
    ) async throws -> [ChatMessage] {
        let sql = "(\(select) \(messages)) UNION ALL (\(selectDelivery) \(deliveries)) \(tail)"
        return try await decode(db, media: media, query: builder.query(sql), logger: logger)
    }

    private static func decode(_ db: PostgresConnection, media: MediaCache, query: PostgresQuery, logger: Logger) async throws -> [ChatMessage] {
        try await decode(db, media: media, rows: try await db.rows(query, logger), logger: logger)
    }

    /// Rows of `select` or `selectDelivery`, with their attachments.
    static func decode(_ db: PostgresConnection, media: MediaCache, rows: [PostgresRow], logger: Logger) async throws -> [ChatMessage] {
        try await decode(db, media: media, rows: rows, from: 0, logger: logger).map { $0! }
    }

    /// The message in the 19 columns from `start` of each row (`select`'s,
    /// as a lateral join adds them); nil where they are NULL (no message).
    static func decode(
        _ db: PostgresConnection, media: MediaCache, rows: [PostgresRow], from start: Int, logger: Logger
    ) async throws -> [ChatMessage?] {
        var messages: [ChatMessage?] = []
        var packed: [[Int64]] = []
        for row in rows {
            let column = PostgresColumns(row)
            guard let id = try column.optionalInt64(start) else {
                messages.append(nil)
                packed.append([])
                continue
            }
            messages.append(ChatMessage(
                id: id, creatorID: try column.int64(start + 15), fanID: try column.int64(start + 16),
                fromUserID: try column.int64(start + 1), fromUserName: try column.text(start + 17), text: try column.text(start + 12),
                price: Money(cents: try column.int64(start + 2)), isLockedText: try column.bool(start + 3), isTip: try column.bool(start + 4),
                massMessageID: try column.optionalInt64(start + 5), createdAt: try column.date(start + 6),
                changedAt: try column.date(start + 7), openedAt: try column.optionalDate(start + 8),
                purchasedAt: try column.optionalDate(start + 9), isLiked: try column.bool(start + 10), isPinned: try column.bool(start + 11),
                attachments: [], queueState: try column.optionalText(start + 13).flatMap(MassMessageState.init(rawValue:)),
                queueSentAt: try column.optionalDate(start + 14)))
            packed.append(try column.int64Array(start + 18))
        }
        let attachments = try await PostgresAttachmentLoader.resolve(packed, on: db, cache: media, logger: logger)
        for index in messages.indices { messages[index]?.attachments = attachments[index] }
        return messages
    }
}

extension PostgresMessageRow {
    /// One page of a chat, newest first: $1 creator, $2 fan, $3 before
    /// (exclusive), $4 starting at (inclusive), $5 folded search text (each
    /// nullable), $6 limit, $7 offset, $8 limit + offset (saturated). The cursors are index bounds either
    /// way (COALESCE to the largest id, not `IS NULL OR`), so one generic
    /// plan serves every call: each side walks its (chat, id) index from
    /// the cursor, and the two are merged.
    enum ChatPage: PreparedShape {
        static let name = "fanout.chatPage"
        static let sql = """
            (\(select)
             WHERE m.chat_id = (SELECT id FROM chat WHERE creator_id = $1 AND fan_id = $2)
               AND m.id < COALESCE($3::bigint, 9223372036854775807) AND m.id <= COALESCE($4::bigint, 9223372036854775807)
               AND ($5::text IS NULL OR strpos(lower(COALESCE(m.text, mm.text, '') COLLATE "und-x-icu"), $5::text) > 0)
             ORDER BY m.id DESC LIMIT $8::bigint)
            UNION ALL
            (\(selectDelivery)
             WHERE d.creator_id = $1 AND d.fan_id = $2
               AND d.message_id < COALESCE($3::bigint, 9223372036854775807) AND d.message_id <= COALESCE($4::bigint, 9223372036854775807)
               AND ($5::text IS NULL OR strpos(lower(mm.text COLLATE "und-x-icu"), $5::text) > 0)
             ORDER BY d.message_id DESC LIMIT $8::bigint)
            ORDER BY 1 DESC LIMIT $6::bigint OFFSET $7::bigint
            """
    }
}
