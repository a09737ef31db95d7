import FanoutCore
import GRDB

/// Reads mass messages, by column position.
enum MassMessageRow {
    static let select = """
        SELECT id, creator_id, text, price_cents, is_locked_text, state, created_at, changed_at, scheduled_at, sent_at,
               canceled_at, total, pending, sent_count, viewed_count, purchased_count, has_error, media
        FROM mass_message
        """

    static func decode(_ column: SQLiteColumns) -> MassMessage {
        MassMessage(
            id: column.int64(0), creatorID: column.int64(1), text: column.text(2), price: Money(cents: column.int64(3)),
            isLockedText: column.bool(4), state: MassMessageState(rawValue: column.text(5)) ?? .queued,
            createdAt: column.date(6), changedAt: column.date(7), scheduledAt: column.optionalDate(8),
            sentAt: column.optionalDate(9), canceledAt: column.optionalDate(10),
            total: column.int(11), pending: column.int(12), sentCount: column.int(13), viewedCount: column.int(14),
            purchasedCount: column.int(15), hasError: column.bool(16), attachments: [])
    }

    /// `select` + `where` (a cached statement), with their attachments.
    static func fetchAll(_ db: Database, media: MediaCache, where clause: String, arguments: StatementArguments) throws -> [MassMessage] {
        var messages: [MassMessage] = []
        var packed: [[Int64]] = []
        let statement = try db.cachedStatement(sql: select + " " + clause)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let column = SQLiteColumns(statement)
        while try rows.next() != nil {
            messages.append(decode(column))
            packed.append(column.packedMedia(17))
        }
        let attachments = try AttachmentLoader.resolve(packed, db: db, cache: media)
        for index in messages.indices { messages[index].attachments = attachments[index] }
        return messages
    }
}
