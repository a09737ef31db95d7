import FanoutCore
import Foundation
import GRDB

/// Reads `media` rows into the domain value, by column position.
enum MediaRow {
    static let columns = """
        media.id, media.creator_id, media.kind, media.created_at, media.is_ready, media.has_error, media.converted_to_video,
        media.has_custom_preview, media.duration, media.width, media.height, media.size, media.full_url, media.thumb_url,
        media.preview_url, media.square_preview_url, media.video240_url, media.video720_url
        """

    static func decode(_ row: Row) -> Media {
        Media(
            id: row[0], creatorID: row[1],
            kind: MediaKind(rawValue: row[2]) ?? .photo, createdAt: StoredDate.read(row, 3),
            isReady: row[4], hasError: row[5], convertedToVideo: row[6],
            hasCustomPreview: row[7], duration: row[8], width: row[9],
            height: row[10], size: row[11], fullURL: row[12], thumbURL: row[13],
            previewURL: row[14], squarePreviewURL: row[15],
            video240URL: row[16], video720URL: row[17])
    }

    static func fetchAll(_ db: Database, ids: [Int64]) throws -> [Media] {
        let statement = try db.cachedStatement(
            sql: "SELECT \(columns) FROM media WHERE id IN (\(databaseQuestionMarks(count: ids.count)))")
        var media: [Media] = []
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(ids))
        while let row = try rows.next() { media.append(decode(row)) }
        return media
    }
}
