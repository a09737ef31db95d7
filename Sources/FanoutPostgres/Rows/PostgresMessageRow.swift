import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

/// Reads chat messages, by column position: `message` rows and the
/// deliveries of mass messages no fan has acted on yet (`mass_delivery`), in
/// the same columns. A delivery takes its text and media from the mass message.
enum PostgresMessageRow {
    static let select = ChatMessageSelect.messages
    static let selectDelivery = ChatMessageSelect.deliveries(.postgres)

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
        var messages: [ChatMessage] = []
        var packed: [[Int64]] = []
        messages.reserveCapacity(rows.count)
        packed.reserveCapacity(rows.count)
        for row in rows {
            var columns = PostgresColumns(row)
            let decoded = try message(&columns)
            messages.append(decoded.message)
            packed.append(decoded.media)
        }
        let attachments = try await PostgresAttachmentLoader.resolve(packed, on: db, cache: media, logger: logger)
        for index in messages.indices { messages[index].attachments = attachments[index] }
        return messages
    }

    /// One row's message (`select`'s 19 columns) and its packed
    /// attachments, reading each cell once in column order.
    private static func message(_ column: inout PostgresColumns) throws -> (message: ChatMessage, media: [Int64]) {
        let id = try column.int64(0)
        let fromUserID = try column.int64(1), price = Money(cents: try column.int64(2))
        let isLockedText = try column.bool(3), isTip = try column.bool(4)
        let massMessageID = try column.optionalInt64(5)
        let createdAt = try column.date(6), changedAt = try column.date(7)
        let openedAt = try column.optionalDate(8), purchasedAt = try column.optionalDate(9)
        let isLiked = try column.bool(10), isPinned = try column.bool(11)
        let text = try column.text(12)
        let queueState = try column.optionalText(13).flatMap(MassMessageState.init(rawValue:))
        let queueSentAt = try column.optionalDate(14)
        let creatorID = try column.int64(15), fanID = try column.int64(16)
        let fromUserName = try column.text(17)
        let media = try column.int64Array(18)
        return (ChatMessage(
            id: id, creatorID: creatorID, fanID: fanID, fromUserID: fromUserID, fromUserName: fromUserName, text: text,
            price: price, isLockedText: isLockedText, isTip: isTip, massMessageID: massMessageID, createdAt: createdAt,
            changedAt: changedAt, openedAt: openedAt, purchasedAt: purchasedAt, isLiked: isLiked, isPinned: isPinned,
            attachments: [], queueState: queueState, queueSentAt: queueSentAt), media)
    }
}

extension PostgresMessageRow {
    /// One page of a chat's messages whose text contains $5 (folded), newest
    /// first; otherwise as `PostgresChatPage`, with $6 limit, $7 offset, $8 limit +
    /// offset. The text of a mass message's copy is its mass message's, so
    /// each side joins it before filtering.
    enum ChatSearchPage: PreparedShape {
        static let name = "fanout.chatSearchPage"
        static let sql = """
            (\(select)
             WHERE m.chat_id = (SELECT id FROM chat WHERE creator_id = $1 AND fan_id = $2)
               AND m.id < COALESCE($3::bigint, 9223372036854775807) AND m.id <= COALESCE($4::bigint, 9223372036854775807)
               AND strpos(lower(COALESCE(m.text, mm.text, '') COLLATE "und-x-icu"), $5::text) > 0
             ORDER BY m.id DESC LIMIT $8::bigint)
            UNION ALL
            (\(selectDelivery)
             WHERE d.creator_id = $1 AND d.fan_id = $2
               AND d.message_id < COALESCE($3::bigint, 9223372036854775807) AND d.message_id <= COALESCE($4::bigint, 9223372036854775807)
               AND strpos(lower(mm.text COLLATE "und-x-icu"), $5::text) > 0
             ORDER BY d.message_id DESC LIMIT $8::bigint)
            ORDER BY 1 DESC LIMIT $6::bigint OFFSET $7::bigint
            """
    }
}
