import FanoutCore
import Foundation
import GRDB

/// Reads `media` columns into the domain value, by position: `columns` are
/// selected starting at column `offset` of the row.
enum MediaRow {
    static let columns = """
        media.id, media.creatorId, media.kind, media.createdAt, media.isReady, media.hasError, media.convertedToVideo,
        media.hasCustomPreview, media.duration, media.width, media.height, media.size, media.fullUrl, media.thumbUrl,
        media.previewUrl, media.squarePreviewUrl, media.video240Url, media.video720Url
        """

    static func decode(_ row: Row, at offset: Int) -> Media {
        Media(
            id: row[offset], creatorID: row[offset + 1],
            kind: MediaKind(rawValue: row[offset + 2]) ?? .photo, createdAt: StoredDate.read(row, offset + 3),
            isReady: row[offset + 4], hasError: row[offset + 5], convertedToVideo: row[offset + 6],
            hasCustomPreview: row[offset + 7], duration: row[offset + 8], width: row[offset + 9],
            height: row[offset + 10], size: row[offset + 11], fullURL: row[offset + 12], thumbURL: row[offset + 13],
            previewURL: row[offset + 14], squarePreviewURL: row[offset + 15],
            video240URL: row[offset + 16], video720URL: row[offset + 17])
    }

    static func fetchAll(_ db: Database, ids: [Int64]) throws -> [Media] {
        let statement = try db.cachedStatement(
            sql: "SELECT \(columns) FROM media WHERE id IN (\(databaseQuestionMarks(count: ids.count)))")
        var media: [Media] = []
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(ids))
        while let row = try rows.next() { media.append(decode(row, at: 0)) }
        return media
    }
}
