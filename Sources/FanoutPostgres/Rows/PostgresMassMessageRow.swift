import FanoutCore
import Foundation
import PostgresNIO

/// Reads mass messages, by column position.
enum PostgresMassMessageRow {
    static let columns = """
        id, creator_id, text, price_cents, is_locked_text, state, created_at, changed_at, scheduled_at, sent_at,
        canceled_at, total, pending, sent_count, viewed_count, purchased_count, has_error,
        media
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

    /// The rows of a prepared shape, with attachments.
    static func fetchAll<Shape: PreparedShape>(
        _ db: PostgresConnection, media: MediaCache, _ shape: Shape.Type, logger: Logger, _ bind: (inout PostgresBindings) -> Void
    ) async throws -> [MassMessage] {
        try await decode(db, media: media, rows: try await db.rows(shape, logger, bind), logger: logger)
    }

    /// `SELECT columns FROM mass_message` + `tail` (WHERE, ORDER BY…), with attachments.
    static func fetchAll(_ db: PostgresConnection, media: MediaCache, tail: PostgresQuery, logger: Logger) async throws -> [MassMessage] {
        var query = tail
        query.sql = "SELECT \(columns) FROM mass_message " + tail.sql
        return try await decode(db, media: media, rows: try await db.rows(query, logger), logger: logger)
    }

    private static func decode(_ db: PostgresConnection, media: MediaCache, rows: [PostgresRow], logger: Logger) async throws -> [MassMessage] {
        var messages = try rows.map(decode)
        let attachments = try await PostgresAttachmentLoader.resolve(
            try rows.map { try $0.makeRandomAccess()[17].decode([Int64].self) }, on: db, cache: media, logger: logger)
        for index in messages.indices { messages[index].attachments = attachments[index] }
        return messages
    }
}

extension PostgresMassMessageRow {
    /// $1 creator, $2 list type, $3 limit, $4 offset: one `type` partition, newest first.
    enum OfType: PreparedShape {
        static let name = "fanout.massMessagesOfType"
        static let sql = "SELECT \(columns) FROM mass_message WHERE creator_id = $1 AND list_type = $2 ORDER BY id DESC LIMIT $3 OFFSET $4"
    }

    /// $1 creator, $2 limit, $3 offset: every state, newest first.
    enum All: PreparedShape {
        static let name = "fanout.massMessages"
        static let sql = "SELECT \(columns) FROM mass_message WHERE creator_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3"
    }

    /// $1 creator, $2 limit, $3 offset: those with purchases (the partial index), newest first.
    enum Purchased: PreparedShape {
        static let name = "fanout.purchasedMassMessages"
        static let sql = """
            SELECT \(columns) FROM mass_message WHERE creator_id = $1 AND purchased_count > 0 ORDER BY id DESC LIMIT $2 OFFSET $3
            """
    }

    /// $1 id, $2 creator.
    enum One: PreparedShape {
        static let name = "fanout.massMessage"
        static let sql = "SELECT \(columns) FROM mass_message WHERE id = $1 AND creator_id = $2"
    }
}
