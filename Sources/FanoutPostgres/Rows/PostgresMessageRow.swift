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
               c.creator_id, c.fan_id, sender.name AS sender_name
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
               d.creator_id, d.fan_id, sender.name
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
        var messages: [ChatMessage] = []
        for row in try await db.rows(query, logger) {
            let (id, from, price, isLocked, isTip, massID, createdAt, changedAt, openedAt, purchasedAt, isLiked, isPinned) =
                try row.decode((Int64, Int64, Int64, Bool, Bool, Int64?, Date, Date, Date?, Date?, Bool, Bool).self)
            let cells = row.makeRandomAccess()
            messages.append(ChatMessage(
                id: id, creatorID: try cells[15].decode(Int64.self), fanID: try cells[16].decode(Int64.self), fromUserID: from,
                fromUserName: try cells[17].decode(String.self), text: try cells[12].decode(String.self), price: Money(cents: price),
                isLockedText: isLocked, isTip: isTip, massMessageID: massID, createdAt: createdAt, changedAt: changedAt,
                openedAt: openedAt, purchasedAt: purchasedAt, isLiked: isLiked, isPinned: isPinned, attachments: [],
                queueState: try cells[13].decode(String?.self).flatMap(MassMessageState.init(rawValue:)),
                queueSentAt: try cells[14].decode(Date?.self)))
        }
        let direct = try await PostgresAttachmentLoader.load(
            db, owner: .message, ids: messages.filter { !$0.isFromQueue }.map(\.id), cache: media, logger: logger)
        let queued = try await PostgresAttachmentLoader.load(
            db, owner: .massMessage, ids: messages.compactMap(\.massMessageID), cache: media, logger: logger)
        for index in messages.indices {
            let message = messages[index]
            messages[index].attachments = message.massMessageID.map { queued[$0] ?? [] } ?? direct[message.id] ?? []
        }
        return messages
    }
}
