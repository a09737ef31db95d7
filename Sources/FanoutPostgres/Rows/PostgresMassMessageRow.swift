import FanoutCore
import Foundation
import PostgresNIO

/// Reads mass messages, by column position.
enum PostgresMassMessageRow {
    static let columns = """
        id, creator_id, text, price_cents, is_locked_text, state, created_at, changed_at, scheduled_at, sent_at,
        canceled_at, total, pending, sent_count, viewed_count, purchased_count, has_error
        """

    static func decode(_ row: PostgresRow) throws -> MassMessage {
        let (id, creatorID, text, price, isLocked, state, createdAt, changedAt, scheduledAt, sentAt, canceledAt) =
            try row.decode((Int64, Int64, String, Int64, Bool, String, Date, Date, Date?, Date?, Date?).self)
        let cells = row.makeRandomAccess()
        return MassMessage(
            id: id, creatorID: creatorID, text: text, price: Money(cents: price), isLockedText: isLocked,
            state: MassMessageState(rawValue: state) ?? .queued, createdAt: createdAt, changedAt: changedAt,
            scheduledAt: scheduledAt, sentAt: sentAt, canceledAt: canceledAt,
            total: try cells[11].decode(Int.self), pending: try cells[12].decode(Int.self), sentCount: try cells[13].decode(Int.self),
            viewedCount: try cells[14].decode(Int.self), purchasedCount: try cells[15].decode(Int.self),
            hasError: try cells[16].decode(Bool.self), attachments: [])
    }

    /// `SELECT columns FROM mass_message` + `tail` (WHERE, ORDER BY…), with attachments.
    static func fetchAll(_ db: PostgresConnection, media: MediaCache, tail: PostgresQuery, logger: Logger) async throws -> [MassMessage] {
        var query = tail
        query.sql = "SELECT \(columns) FROM mass_message " + tail.sql
        var messages = try await db.rows(query, logger).map(decode)
        let attachments = try await PostgresAttachmentLoader.load(db, owner: .massMessage, ids: messages.map(\.id), cache: media, logger: logger)
        for index in messages.indices { messages[index].attachments = attachments[messages[index].id] ?? [] }
        return messages
    }
}
