import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: UploadStore {
    public func createUpload(_ upload: Upload, quota: Int) async throws -> UploadQuotaCheck {
        try await write { db in
            // The creator's row, locked, serializes its uploads' starts (NO KEY:
            // rows that merely reference the creator do not wait on it).
            try await db.run("SELECT 1 FROM app_user WHERE id = \(upload.creatorID) FOR NO KEY UPDATE", logger)
            let used = try await db.value(Int.self, """
                SELECT ((SELECT COALESCE(SUM(size), 0) FROM media WHERE creator_id = \(upload.creatorID) AND stored_file IS NOT NULL)
                      + (SELECT COALESCE(SUM(size), 0) FROM upload WHERE creator_id = \(upload.creatorID) AND media_id IS NULL))::bigint
                """, logger) ?? 0
            guard UploadAllowance.fitsQuota(used: used, adding: upload.size, quota: quota) else { return .overQuota(used: used) }
            try await db.run("""
                INSERT INTO upload (id, creator_id, filename, size, content_type, created_at)
                VALUES (\(upload.id), \(upload.creatorID), \(upload.filename), \(upload.size), \(upload.contentType), \(upload.createdAt))
                """, logger)
            return .created
        }
    }

    public func upload(id: String, creatorID: Int64) async throws -> Upload? {
        try await read { db in
            guard let row = try await db.rows("""
                SELECT id, creator_id, filename, size, content_type, created_at, media_id FROM upload
                WHERE id = \(id) AND creator_id = \(creatorID)
                """, logger).first else { return nil }
            let (id, creator, filename, size, contentType, createdAt, mediaID) =
                try row.decode((String, Int64, String, Int, String, Date, Int64?).self)
            return Upload(id: id, creatorID: creator, filename: filename, size: size, contentType: contentType,
                          createdAt: createdAt, mediaID: mediaID)
        }
    }

    public func reserveUploadPart(
        uploadID: String, number: Int, length: Int?, reservationID: String, at now: Date, staleBefore: Date
    ) async throws -> UploadPartRoom {
        try await write { db in
            // The upload's row locked: parts arriving at once reserve one after the other.
            guard try await db.run("SELECT 1 FROM upload WHERE id = \(uploadID) AND media_id IS NULL FOR UPDATE", logger) > 0 else {
                return .gone
            }
            try await db.run(
                "DELETE FROM upload_reservation WHERE upload_id = \(uploadID) AND renewed_at < \(staleBefore)", logger)
            let row = try await db.rows("""
                SELECT size,
                    ((SELECT COALESCE(SUM(size), 0) FROM upload_part WHERE upload_id = \(uploadID))
                        + (SELECT COALESCE(SUM(bytes), 0) FROM upload_reservation WHERE upload_id = \(uploadID)))::bigint,
                    (SELECT size FROM upload_part WHERE upload_id = \(uploadID) AND part_number = \(number))
                FROM upload WHERE id = \(uploadID)
                """, logger)[0]
            let (declared, reserved, replaced) = try row.decode((Int, Int, Int?).self)
            guard let bytes = UploadAllowance.partReservation(
                declared: declared, reserved: reserved, replaced: replaced ?? 0, length: length)
            else { return .full(left: UploadAllowance.room(declared: declared, reserved: reserved, replaced: replaced ?? 0)) }
            try await db.run("""
                INSERT INTO upload_reservation (id, upload_id, bytes, renewed_at) VALUES (\(reservationID), \(uploadID), \(bytes), \(now))
                """, logger)
            return .reserved(bytes)
        }
    }

    public func renewUploadReservation(id: String, at now: Date) async throws {
        try await transaction { db in try await db.run("UPDATE upload_reservation SET renewed_at = \(now) WHERE id = \(id)", logger) }
    }

    public func recordUploadPart(uploadID: String, part: UploadPart, reservationID: String) async throws -> Bool {
        try await write { db in
            // Locked as a reservation locks it: a part recorded and one reserved never interleave.
            guard try await db.run("SELECT 1 FROM upload WHERE id = \(uploadID) AND media_id IS NULL FOR UPDATE", logger) > 0 else {
                return false
            }
            try await db.run("DELETE FROM upload_reservation WHERE id = \(reservationID)", logger)
            try await db.run("""
                INSERT INTO upload_part (upload_id, part_number, size, etag) VALUES (\(uploadID), \(part.number), \(part.size), \(part.etag))
                ON CONFLICT (upload_id, part_number) DO UPDATE SET size = excluded.size, etag = excluded.etag
                """, logger)
            return true
        }
    }

    public func releaseUploadReservation(id: String) async throws {
        try await transaction { db in try await db.run("DELETE FROM upload_reservation WHERE id = \(id)", logger) }
    }

    public func uploadParts(uploadID: String) async throws -> [UploadPart] {
        try await read { db in
            try await db.rows(
                "SELECT part_number, size, etag FROM upload_part WHERE upload_id = \(uploadID) ORDER BY part_number", logger
            ).map { row in
                let (number, size, etag) = try row.decode((Int, Int, String).self)
                return UploadPart(number: number, size: size, etag: etag)
            }
        }
    }

    public func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media? {
        try await write { db in
            // Locked: of two completions at once, the second answers the first's
            // media; a purge skips it meanwhile.
            guard let upload = try await db.rows("SELECT media_id FROM upload WHERE id = \(id) FOR UPDATE", logger).first else { return nil }
            if let done = try upload.decode(Int64?.self), let existing = try await mediaByID(db, done) { return existing }
            // A picture is its own preview (no resizing here, so no thumbnail).
            let mediaID = try await db.value(Int64.self, """
                INSERT INTO media (creator_id, kind, created_at, is_ready, has_error, converted_to_video, has_custom_preview, duration,
                    width, height, size, full_url, filename, stored_file, content_type, etag)
                VALUES (\(media.creatorID), \(media.kind.rawValue), \(media.createdAt), true, false, false, false, \(media.duration),
                    \(media.width), \(media.height), \(media.size), '', \(media.filename), \(media.file.path), \(media.file.contentType),
                    \(media.etag))
                RETURNING id
                """, logger)!
            let url = urlPrefix + String(mediaID)
            let picture: String? = media.kind.isPicture ? url : nil
            try await db.run(
                "UPDATE media SET full_url = \(url), preview_url = \(picture) WHERE id = \(mediaID)", logger)
            try await db.run("UPDATE upload SET media_id = \(mediaID) WHERE id = \(id)", logger)
            return try await mediaByID(db, mediaID)!
        }
    }

    public func deleteUpload(id: String) async throws {
        try await write { db in try await db.run("DELETE FROM upload WHERE id = \(id)", logger) }
    }

    public func purgeOpenUploads(createdBefore cutoff: Date, limit: Int) async throws -> [String] {
        // Rows another instance (or a completion) holds are skipped; each
        // deleted row is returned to exactly one caller.
        try await write { db in
            try await db.values(String.self, """
                DELETE FROM upload WHERE id IN (
                    SELECT id FROM upload WHERE media_id IS NULL AND created_at < \(cutoff)
                    ORDER BY created_at LIMIT \(max(0, limit)) FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, logger)
        }
    }

    public func findUploaded(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?) {
        try await read { db in
            if let row = try await db.rows("""
                SELECT \(unescaped: PostgresMediaRow.columns) FROM media
                WHERE creator_id = \(creatorID) AND etag = \(etag) AND size = \(size) ORDER BY id DESC LIMIT 1
                """, logger).first {
                return (true, try PostgresMediaRow.decode(row))
            }
            let part = try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM upload_part p JOIN upload u ON u.id = p.upload_id
                               WHERE p.etag = \(etag) AND p.size = \(size) AND u.creator_id = \(creatorID))
                """, logger) ?? false
            return (part, nil)
        }
    }

    public func findMedia(id: Int64) async throws -> Media? {
        try await read { db in try await mediaByID(db, id) }
    }

    public func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile? {
        try await read { db in
            guard let row = try await db.rows("""
                SELECT stored_file, content_type FROM media WHERE id = \(mediaID) AND creator_id = \(creatorID) AND stored_file IS NOT NULL
                """, logger).first else { return nil }
            let (path, contentType) = try row.decode((String, String).self)
            return StoredMediaFile(path: path, contentType: contentType)
        }
    }

    private func mediaByID(_ db: PostgresConnection, _ id: Int64) async throws -> Media? {
        try await db.rows("SELECT \(unescaped: PostgresMediaRow.columns) FROM media WHERE id = \(id)", logger).first
            .map(PostgresMediaRow.decode)
    }
}
