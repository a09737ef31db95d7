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

    /// A row of `columns` in column order, and its packed attachments (the last column).
    static func decode(_ row: PostgresRow) throws -> (MassMessage, media: [Int64]) {
        var column = PostgresColumns(row)
        return try decode(&column)
    }

    /// `columns`' values read in order (a row's cells, or a packed record's fields).
    static func decode<Columns: PostgresColumnReading>(_ column: inout Columns) throws -> (MassMessage, media: [Int64]) {
        let message = MassMessage(
            id: try column.int64(0), creatorID: try column.int64(1), text: try column.text(2), price: Money(cents: try column.int64(3)),
            isLockedText: try column.bool(4), state: MassMessageState(rawValue: try column.text(5)) ?? .queued,
            createdAt: try column.date(6), changedAt: try column.date(7), scheduledAt: try column.optionalDate(8),
            sentAt: try column.optionalDate(9), canceledAt: try column.optionalDate(10),
            total: try column.int(11), pending: try column.int(12), sentCount: try column.int(13),
            viewedCount: try column.int(14), purchasedCount: try column.int(15), hasError: try column.bool(16), attachments: [])
        return (message, try column.int64Array(17))
    }

    /// The rows of a prepared shape, with attachments.
    static func fetchAll<Shape: PreparedShape>(
        _ db: PostgresConnection, media: MediaCache, _ shape: Shape.Type, logger: Logger, _ bind: (inout PostgresBindings) -> Void
    ) async throws -> [MassMessage] {
        try await decode(db, media: media, rows: try await db.rows(shape, logger, bind), logger: logger)
    }

    /// The mass messages a prepared page shape packed (`PostgresPackedRows`),
    /// newest first, with attachments.
    static func fetchPage<Shape: PreparedShape>(
        _ db: PostgresConnection, media: MediaCache, _ shape: Shape.Type, logger: Logger, _ bind: (inout PostgresBindings) -> Void
    ) async throws -> [MassMessage] {
        var records = try PostgresPackedRows.records(try await db.rows(shape, logger, bind))
        var decoded: [(MassMessage, media: [Int64])] = []
        decoded.reserveCapacity(records.count)
        for index in records.indices { decoded.append(try decode(&records[index])) }
        // `array_agg` keeps its input's order in practice, not by contract.
        decoded.sort { $0.0.id > $1.0.id }
        return try await withAttachments(db, media: media, decoded, logger: logger)
    }

    /// `SELECT columns FROM mass_message` + `tail` (WHERE, ORDER BY…), with attachments.
    static func fetchAll(_ db: PostgresConnection, media: MediaCache, tail: PostgresQuery, logger: Logger) async throws -> [MassMessage] {
        var query = tail
        query.sql = "SELECT \(columns) FROM mass_message " + tail.sql
        return try await decode(db, media: media, rows: try await db.rows(query, logger), logger: logger)
    }

    private static func decode(_ db: PostgresConnection, media: MediaCache, rows: [PostgresRow], logger: Logger) async throws -> [MassMessage] {
        try await withAttachments(db, media: media, try rows.map(decode), logger: logger)
    }

    private static func withAttachments(
        _ db: PostgresConnection, media: MediaCache, _ decoded: [(MassMessage, media: [Int64])], logger: Logger
    ) async throws -> [MassMessage] {
        var messages = decoded.map(\.0)
        let attachments = try await PostgresAttachmentLoader.resolve(decoded.map(\.media), on: db, cache: media, logger: logger)
        for index in messages.indices { messages[index].attachments = attachments[index] }
        return messages
    }
}

extension PostgresMassMessageRow {
    /// The page `query` selects (of `columns`), packed into one cell (`fetchPage`).
    private static func packed(_ query: String) -> String {
        "SELECT array_agg(page) FROM (\(query)) AS page"
    }

    /// $1 creator, $2 list type, $3 limit, $4 offset: one `type` partition, newest first (packed).
    enum OfType: PreparedShape {
        static let name = "fanout.massMessagesOfType"
        static let sql = packed("SELECT \(columns) FROM mass_message WHERE creator_id = $1 AND list_type = $2 ORDER BY id DESC LIMIT $3 OFFSET $4")
    }

    /// $1 creator, $2 limit, $3 offset: every state, newest first (packed).
    enum All: PreparedShape {
        static let name = "fanout.massMessages"
        static let sql = packed("SELECT \(columns) FROM mass_message WHERE creator_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3")
    }

    /// $1 creator, $2 limit, $3 offset: those with purchases (the partial index), newest first (packed).
    enum Purchased: PreparedShape {
        static let name = "fanout.purchasedMassMessages"
        static let sql = packed("""
            SELECT \(columns) FROM mass_message WHERE creator_id = $1 AND purchased_count > 0 ORDER BY id DESC LIMIT $2 OFFSET $3
            """)
    }

    /// $1 id, $2 creator.
    enum One: PreparedShape {
        static let name = "fanout.massMessage"
        static let sql = "SELECT \(columns) FROM mass_message WHERE id = $1 AND creator_id = $2"
    }
}
