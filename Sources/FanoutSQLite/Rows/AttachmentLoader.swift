import FanoutCore
import GRDB

/// Attachments travel inside the row queries, as the owner's packed `media`
/// column (kept by triggers from the link tables, as on PostgreSQL): a page
/// is one statement, and the media rows themselves come from the
/// `MediaCache` (media never change), fetched in one query for those it lacks.
enum AttachmentLoader {
    /// The attachments of each packed list, in order.
    static func resolve(_ packed: [[Int64]], db: Database, cache: MediaCache) throws -> [[Attachment]] {
        try cache.attachments(packed) { try MediaRow.fetchAll(db, ids: $0) }
    }
}
