import FanoutCore
import Foundation
import PostgresNIO

/// Reads `media` rows into the domain value, by column position.
enum PostgresMediaRow {
    static let columns = """
        id, creator_id, kind, created_at, is_ready, has_error, converted_to_video, has_custom_preview, duration,
        width, height, size, full_url, thumb_url, preview_url, square_preview_url, video240_url, video720_url
        """

    static func decode(_ row: PostgresRow) throws -> Media {
        let (id, creatorID, kind, createdAt, isReady, hasError, converted, customPreview, duration) =
            try row.decode((Int64, Int64, String, Date, Bool, Bool, Bool, Bool, Double?).self)
        let cells = row.makeRandomAccess()
        return Media(
            id: id, creatorID: creatorID, kind: MediaKind(rawValue: kind) ?? .photo, createdAt: createdAt,
            isReady: isReady, hasError: hasError, convertedToVideo: converted, hasCustomPreview: customPreview,
            duration: duration, width: try cells[9].decode(Int.self), height: try cells[10].decode(Int.self),
            size: try cells[11].decode(Int.self), fullURL: try cells[12].decode(String.self),
            thumbURL: try cells[13].decode(String?.self), previewURL: try cells[14].decode(String?.self),
            squarePreviewURL: try cells[15].decode(String?.self), video240URL: try cells[16].decode(String?.self),
            video720URL: try cells[17].decode(String?.self))
    }
}
