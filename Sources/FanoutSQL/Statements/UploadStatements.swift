import FanoutCore
import Foundation

/// Uploads, their parts and reservations: the statements whose text is the
/// same on both engines (quota sums, locking and purging differ).
public enum UploadStatements {
    public static func insert(_ upload: Upload) -> SQLStatement {
        SQLStatement(
            "INSERT INTO upload (id, creator_id, filename, size, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(upload.id), .integer(upload.creatorID), .text(upload.filename), .integer(Int64(upload.size)),
                .text(upload.contentType), .date(upload.createdAt),
            ])
    }

    /// The creator's upload: id, creator id, filename, size, content type,
    /// created at, media id.
    public static func select(id: String, creatorID: Int64) -> SQLStatement {
        SQLStatement(
            "SELECT id, creator_id, filename, size, content_type, created_at, media_id FROM upload WHERE id = ? AND creator_id = ?",
            [.text(id), .integer(creatorID)])
    }

    /// Forgets reservations of the upload not renewed since `staleBefore`.
    public static func deleteStaleReservations(uploadID: String, staleBefore: Date) -> SQLStatement {
        SQLStatement("DELETE FROM upload_reservation WHERE upload_id = ? AND renewed_at < ?", [.text(uploadID), .date(staleBefore)])
    }

    public static func insertReservation(id: String, uploadID: String, bytes: Int, at now: Date) -> SQLStatement {
        SQLStatement(
            "INSERT INTO upload_reservation (id, upload_id, bytes, renewed_at) VALUES (?, ?, ?, ?)",
            [.text(id), .text(uploadID), .integer(Int64(bytes)), .date(now)])
    }

    public static func renewReservation(id: String, at now: Date) -> SQLStatement {
        SQLStatement("UPDATE upload_reservation SET renewed_at = ? WHERE id = ?", [.date(now), .text(id)])
    }

    public static func deleteReservation(id: String) -> SQLStatement {
        SQLStatement("DELETE FROM upload_reservation WHERE id = ?", [.text(id)])
    }

    /// The part, replacing one of the same number.
    public static func upsertPart(_ part: UploadPart, uploadID: String) -> SQLStatement {
        SQLStatement("""
            INSERT INTO upload_part (upload_id, part_number, size, etag) VALUES (?, ?, ?, ?)
            ON CONFLICT (upload_id, part_number) DO UPDATE SET size = excluded.size, etag = excluded.etag
            """, [.text(uploadID), .integer(Int64(part.number)), .integer(Int64(part.size)), .text(part.etag)])
    }

    /// The upload's parts in order: number, size, etag.
    public static func parts(uploadID: String) -> SQLStatement {
        SQLStatement("SELECT part_number, size, etag FROM upload_part WHERE upload_id = ? ORDER BY part_number", [.text(uploadID)])
    }

    /// The completed upload's media, ready; returns its id (its URLs follow from it).
    public static func insertMedia(_ media: NewMedia) -> SQLStatement {
        SQLStatement("""
            INSERT INTO media (creator_id, kind, created_at, is_ready, has_error, converted_to_video, has_custom_preview, duration,
                width, height, size, full_url, filename, stored_file, content_type, etag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)
            RETURNING id
            """, [
                .integer(media.creatorID), .text(media.kind.rawValue), .date(media.createdAt), .bool(true), .bool(false), .bool(false),
                .bool(false), media.duration.map(SQLValue.double) ?? .null, .integer(Int64(media.width)), .integer(Int64(media.height)),
                .integer(Int64(media.size)), .text(media.filename), .text(media.file.path), .text(media.file.contentType), .text(media.etag),
            ])
    }

    public static func setMediaURLs(mediaID: Int64, full: String, preview: String?) -> SQLStatement {
        SQLStatement("UPDATE media SET full_url = ?, preview_url = ? WHERE id = ?", [.text(full), SQLValue(preview), .integer(mediaID)])
    }

    public static func setMedia(_ mediaID: Int64, ofUpload id: String) -> SQLStatement {
        SQLStatement("UPDATE upload SET media_id = ? WHERE id = ?", [.integer(mediaID), .text(id)])
    }

    public static func delete(id: String) -> SQLStatement {
        SQLStatement("DELETE FROM upload WHERE id = ?", [.text(id)])
    }

    /// Whether a part of one of the creator's uploads has this etag and size.
    public static func partExists(etag: String, size: Int, creatorID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT EXISTS (SELECT 1 FROM upload_part p JOIN upload u ON u.id = p.upload_id
                           WHERE p.etag = ? AND p.size = ? AND u.creator_id = ?)
            """, [.text(etag), .integer(Int64(size)), .integer(creatorID)])
    }

    /// The stored file of the creator's media: path, content type.
    public static func mediaFile(mediaID: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement(
            "SELECT stored_file, content_type FROM media WHERE id = ? AND creator_id = ? AND stored_file IS NOT NULL",
            [.integer(mediaID), .integer(creatorID)])
    }
}
