import FanoutCore
import GRDB

/// Reads chat messages. A delivery of a mass message takes its text and media
/// from the mass message.
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

    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments) throws -> [ChatMessage] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        let direct = try AttachmentLoader.load(
            db, owner: .message, ids: rows.filter { $0["massMessageId"] == nil }.map { $0["id"] as Int64 })
        let queued = try AttachmentLoader.load(
            db, owner: .massMessage, ids: rows.compactMap { $0["massMessageId"] as Int64? })
        return rows.map { row in
            let massMessageID: Int64? = row["massMessageId"]
            let attachments = massMessageID.map { queued[$0] ?? [] } ?? direct[row["id"]] ?? []
            return ChatMessage(
                id: row["id"], creatorID: row["creatorId"], fanID: row["fanId"], fromUserID: row["fromUserId"], fromUserName: row["senderName"],
                text: row["body"], price: Money(cents: row["priceCents"]), isLockedText: row["isLockedText"],
                isTip: row["isTip"], massMessageID: massMessageID, createdAt: row["createdAt"],
                changedAt: row["changedAt"], openedAt: row["openedAt"], purchasedAt: row["purchasedAt"],
                isLiked: row["isLiked"], isPinned: row["isPinned"], attachments: attachments,
                queueState: (row["queueState"] as String?).flatMap(MassMessageState.init(rawValue:)),
                queueSentAt: row["queueSentAt"])
        }
    }
}
