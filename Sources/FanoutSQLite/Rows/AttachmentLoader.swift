import FanoutCore
import GRDB

/// Loads the attachments of many messages in one query per owner kind, in
/// attachment order.
enum AttachmentLoader {
    enum Owner {
        case message, massMessage

        var table: String { self == .message ? "messageMedia" : "massMessageMedia" }
        var ownerColumn: String { self == .message ? "messageId" : "massMessageId" }
    }

    static func load(_ db: Database, owner: Owner, ids: some Collection<Int64>) throws -> [Int64: [Attachment]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let sql = """
            SELECT a.\(owner.ownerColumn) AS ownerId, a.isPreview AS isPreview, \(MediaRow.columns)
            FROM \(owner.table) a JOIN media ON media.id = a.mediaId
            WHERE a.\(owner.ownerColumn) IN (\(databaseQuestionMarks(count: unique.count)))
            ORDER BY a.\(owner.ownerColumn), a.position
            """
        var result: [Int64: [Attachment]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(unique)) {
            let ownerID: Int64 = row["ownerId"]
            result[ownerID, default: []].append(Attachment(media: MediaRow.decode(row), isPreview: row["isPreview"]))
        }
        return result
    }
}
