import FanoutCore
import GRDB

/// Reads chat messages, by column position. A delivery of a mass message
/// takes its text and media from the mass message.
enum MessageRow {
    static let select = """
        SELECT m.id, m.fromUserId, m.priceCents, m.isLockedText, m.isTip, m.massMessageId, m.createdAt,
               m.changedAt, m.openedAt, m.purchasedAt, m.isLiked, m.isPinned,
               COALESCE(m.text, mm.text, '') AS body, mm.state AS queueState, mm.sentAt AS queueSentAt,
               c.creatorId, c.fanId, sender.name AS senderName
        FROM message m
        JOIN chat c ON c.id = m.chatId
        JOIN user sender ON sender.id = m.fromUserId
        LEFT JOIN massMessage mm ON mm.id = m.massMessageId
        """

    /// `select` + `where` (a cached statement), with their attachments.
    static func fetchAll(_ db: Database, media: MediaCache, where clause: String, arguments: StatementArguments) throws -> [ChatMessage] {
        // Decoded straight from the cursor (no copied rows); attachments after.
        var messages: [ChatMessage] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: select + " " + clause), arguments: arguments)
        while let row = try rows.next() {
            messages.append(ChatMessage(
                id: row[0], creatorID: row[15], fanID: row[16], fromUserID: row[1], fromUserName: row[17],
                text: row[12], price: Money(cents: row[2]), isLockedText: row[3],
                isTip: row[4], massMessageID: row[5], createdAt: StoredDate.read(row, 6),
                changedAt: StoredDate.read(row, 7), openedAt: StoredDate.read(row, 8), purchasedAt: StoredDate.read(row, 9),
                isLiked: row[10], isPinned: row[11], attachments: [],
                queueState: (row[13] as String?).flatMap(MassMessageState.init(rawValue:)),
                queueSentAt: StoredDate.read(row, 14)))
        }
        let direct = try AttachmentLoader.load(db, owner: .message, ids: messages.filter { !$0.isFromQueue }.map(\.id), cache: media)
        let queued = try AttachmentLoader.load(db, owner: .massMessage, ids: messages.compactMap(\.massMessageID), cache: media)
        for index in messages.indices {
            let message = messages[index]
            messages[index].attachments = message.massMessageID.map { queued[$0] ?? [] } ?? direct[message.id] ?? []
        }
        return messages
    }
}
