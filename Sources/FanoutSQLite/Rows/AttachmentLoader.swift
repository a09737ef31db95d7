import FanoutCore
import GRDB

/// Attachments travel inside the row queries, as the owner's packed `media`
/// column (kept by triggers from the link tables, as on PostgreSQL): a page
/// is one statement, and the media rows themselves come from the
/// `MediaCache` (media never change), fetched in one query for those it lacks.
enum AttachmentLoader {
    /// The attachments of each packed list, in order.
    static func resolve(_ packed: [[Int64]], db: Database, cache: MediaCache) throws -> [[Attachment]] {
        var ids = Set<Int64>()
        for list in packed { for element in list { ids.insert(element >> 1) } }
        guard !ids.isEmpty else { return packed.map { _ in [] } }
        var (media, missing) = cache.lookup(ids)
        if !missing.isEmpty {
            let fetched = try MediaRow.fetchAll(db, ids: missing)
            cache.insert(fetched)
            for item in fetched { media[item.id] = item }
        }
        return packed.map { list in
            list.compactMap { element in media[element >> 1].map { Attachment(media: $0, isPreview: element & 1 == 1) } }
        }
    }
}
