import FanoutCore
import GRDB

/// Loads the attachments of many messages, in attachment order: one query
/// for which media each carries, and one for the media not yet in `cache`.
enum AttachmentLoader {
    enum Owner {
        case message, massMessage

        var table: String { self == .message ? "messageMedia" : "massMessageMedia" }
        var ownerColumn: String { self == .message ? "messageId" : "massMessageId" }
    }

    static func load(_ db: Database, owner: Owner, ids: some Collection<Int64>, cache: MediaCache) throws -> [Int64: [Attachment]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        // Cached per owner kind and id count: a page asks for at most a few dozen shapes.
        let statement = try db.cachedStatement(sql: """
            SELECT \(owner.ownerColumn), isPreview, mediaId FROM \(owner.table)
            WHERE \(owner.ownerColumn) IN (\(databaseQuestionMarks(count: unique.count)))
            ORDER BY \(owner.ownerColumn), position
            """)
        var links: [(owner: Int64, isPreview: Bool, media: Int64)] = []
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(unique))
        while let row = try rows.next() { links.append((row[0], row[1], row[2])) }
        guard !links.isEmpty else { return [:] }

        var (media, missing) = cache.lookup(Set(links.map(\.media)))
        if !missing.isEmpty {
            let fetched = try MediaRow.fetchAll(db, ids: missing)
            cache.insert(fetched)
            for item in fetched { media[item.id] = item }
        }
        var result: [Int64: [Attachment]] = [:]
        for link in links {
            guard let item = media[link.media] else { continue }
            result[link.owner, default: []].append(Attachment(media: item, isPreview: link.isPreview))
        }
        return result
    }
}
