import FanoutCore
import Foundation
import GRDB

/// Reads `media` columns (prefixed or not) into the domain value.
enum MediaRow {
    static let columns = """
        media.id AS mediaId, media.creatorId AS mediaCreatorId, media.kind, media.createdAt AS mediaCreatedAt,
        media.isReady, media.hasError, media.convertedToVideo, media.hasCustomPreview, media.duration,
        media.width, media.height, media.size, media.fullUrl, media.thumbUrl, media.previewUrl,
        media.squarePreviewUrl, media.video240Url, media.video720Url
        """

    static func decode(_ row: Row) -> Media {
        Media(
            id: row["mediaId"], creatorID: row["mediaCreatorId"],
            kind: MediaKind(rawValue: row["kind"]) ?? .photo, createdAt: row["mediaCreatedAt"],
            isReady: row["isReady"], hasError: row["hasError"], convertedToVideo: row["convertedToVideo"],
            hasCustomPreview: row["hasCustomPreview"], duration: row["duration"], width: row["width"],
            height: row["height"], size: row["size"], fullURL: row["fullUrl"], thumbURL: row["thumbUrl"],
            previewURL: row["previewUrl"], squarePreviewURL: row["squarePreviewUrl"],
            video240URL: row["video240Url"], video720URL: row["video720Url"])
    }
}
