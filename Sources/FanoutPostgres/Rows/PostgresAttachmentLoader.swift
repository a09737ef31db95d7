import FanoutCore
import Foundation
import PostgresNIO

/// Loads the attachments of many messages, in attachment order: one query
/// for which media each carries, and one for the media not yet in `cache`.
enum PostgresAttachmentLoader {
    enum Owner {
        case message, massMessage

        var table: String { self == .message ? "message_media" : "mass_message_media" }
        var ownerColumn: String { self == .message ? "message_id" : "mass_message_id" }
    }

    static func load(
        _ db: PostgresConnection, owner: Owner, ids: some Collection<Int64>, cache: MediaCache, logger: Logger
    ) async throws -> [Int64: [Attachment]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let links = try await db.rows("""
            SELECT \(unescaped: owner.ownerColumn), is_preview, media_id FROM \(unescaped: owner.table)
            WHERE \(unescaped: owner.ownerColumn) = ANY(\(unique))
            ORDER BY \(unescaped: owner.ownerColumn), position
            """, logger).map { try $0.decode((Int64, Bool, Int64).self) }
        guard !links.isEmpty else { return [:] }

        var (media, missing) = cache.lookup(Set(links.map(\.2)))
        if !missing.isEmpty {
            let fetched = try await db.rows(
                "SELECT \(unescaped: PostgresMediaRow.columns) FROM media WHERE id = ANY(\(missing))", logger
            ).map(PostgresMediaRow.decode)
            cache.insert(fetched)
            for item in fetched { media[item.id] = item }
        }
        var result: [Int64: [Attachment]] = [:]
        for (ownerID, isPreview, mediaID) in links {
            guard let item = media[mediaID] else { continue }
            result[ownerID, default: []].append(Attachment(media: item, isPreview: isPreview))
        }
        return result
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
