import FanoutCore
import Foundation
import PostgresNIO

/// Attachments travel inside the row queries, as the owner's packed `media`
/// column (kept by triggers from the link tables): each element
/// `media_id * 2 + is_preview`, in attachment order. A page is then one
/// round trip; the media rows themselves come from the `MediaCache` (media
/// never change), fetched in one query for those it lacks.
enum PostgresAttachmentLoader {
    enum Owner {
        case message, massMessage

        var table: String { self == .message ? "message_media" : "mass_message_media" }
        var ownerColumn: String { self == .message ? "message_id" : "mass_message_id" }
    }

    /// The attachments of each packed array, in order.
    static func resolve(
        _ packed: [[Int64]], on db: PostgresConnection, cache: MediaCache, logger: Logger
    ) async throws -> [[Attachment]] {
        try await cache.attachments(packed) { missing in
            try await db.rows(
                "SELECT \(unescaped: PostgresMediaRow.columns) FROM media WHERE id = ANY(\(missing))", logger
            ).map(PostgresMediaRow.decode)
        }
    }
}

extension PostgresStorage {
    /// Writes the content's media of message or mass message `id`, in
    /// order; the first `previewMediaCount` are previews.
    func attach(_ db: PostgresConnection, _ content: MessageContent, to owner: PostgresAttachmentLoader.Owner, id: Int64) async throws {
        guard !content.mediaIDs.isEmpty else { return }
        let previews = content.mediaIDs.indices.map { $0 < content.previewMediaCount }
        try await db.run("""
            INSERT INTO \(unescaped: owner.table) (\(unescaped: owner.ownerColumn), position, media_id, is_preview)
            SELECT \(id), position - 1, media_id, is_preview
            FROM unnest(\(content.mediaIDs), \(previews)) WITH ORDINALITY AS a (media_id, is_preview, position)
            """, logger)
    }
}
