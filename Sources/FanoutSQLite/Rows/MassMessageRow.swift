import FanoutCore
import GRDB

/// Reads mass messages, by column position.
enum MassMessageRow {
    static let select = """
        SELECT id, creatorId, text, priceCents, isLockedText, state, createdAt, changedAt, scheduledAt, sentAt,
               canceledAt, total, pending, sentCount, viewedCount, purchasedCount, hasError
        FROM massMessage
        """

    static func decode(_ row: Row) -> MassMessage {
        MassMessage(
            id: row[0], creatorID: row[1], text: row[2], price: Money(cents: row[3]),
            isLockedText: row[4], state: MassMessageState(rawValue: row[5]) ?? .queued,
            createdAt: StoredDate.read(row, 6), changedAt: StoredDate.read(row, 7), scheduledAt: StoredDate.read(row, 8),
            sentAt: StoredDate.read(row, 9), canceledAt: StoredDate.read(row, 10),
            total: row[11], pending: row[12], sentCount: row[13], viewedCount: row[14], purchasedCount: row[15],
            hasError: row[16], attachments: [])
    }

    /// `select` + `where` (a cached statement), with their attachments.
    static func fetchAll(_ db: Database, media: MediaCache, where clause: String, arguments: StatementArguments) throws -> [MassMessage] {
        var messages: [MassMessage] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: select + " " + clause), arguments: arguments)
        while let row = try rows.next() { messages.append(decode(row)) }
        let attachments = try AttachmentLoader.load(db, owner: .massMessage, ids: messages.map(\.id), cache: media)
        for index in messages.indices { messages[index].attachments = attachments[messages[index].id] ?? [] }
        return messages
    }
}
