import FanoutCore
import FanoutSQL
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
            try await db.run(UploadStatements.insert(upload), logger)
            return .created
        }
    }

    public func upload(id: String, creatorID: Int64) async throws -> Upload? {
        try await read { db in
            guard let row = try await db.rows(UploadStatements.select(id: id, creatorID: creatorID), logger).first else { return nil }
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
            try await db.run(UploadStatements.deleteStaleReservations(uploadID: uploadID, staleBefore: staleBefore), logger)
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
            try await db.run(UploadStatements.insertReservation(id: reservationID, uploadID: uploadID, bytes: bytes, at: now), logger)
            return .reserved(bytes)
        }
    }

    public func renewUploadReservation(id: String, at now: Date) async throws {
        try await transaction { db in try await db.run(UploadStatements.renewReservation(id: id, at: now), logger) }
    }

    public func recordUploadPart(uploadID: String, part: UploadPart, reservationID: String) async throws -> Bool {
        try await write { db in
            // Locked as a reservation locks it: a part recorded and one reserved never interleave.
            guard try await db.run("SELECT 1 FROM upload WHERE id = \(uploadID) AND media_id IS NULL FOR UPDATE", logger) > 0 else {
                return false
            }
            try await db.run(UploadStatements.deleteReservation(id: reservationID), logger)
            try await db.run(UploadStatements.upsertPart(part, uploadID: uploadID), logger)
            return true
        }
    }

    public func releaseUploadReservation(id: String) async throws {
        try await transaction { db in try await db.run(UploadStatements.deleteReservation(id: id), logger) }
    }

    public func uploadParts(uploadID: String) async throws -> [UploadPart] {
        try await read { db in
            try await db.rows(UploadStatements.parts(uploadID: uploadID), logger).map { row in
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
            let mediaID = try await db.value(Int64.self, UploadStatements.insertMedia(media), logger)!
            let url = urlPrefix + String(mediaID)
            try await db.run(UploadStatements.setMediaURLs(mediaID: mediaID, full: url, preview: media.kind.isPicture ? url : nil), logger)
            try await db.run(UploadStatements.setMedia(mediaID, ofUpload: id), logger)
            return try await mediaByID(db, mediaID)!
        }
    }

    public func deleteUpload(id: String) async throws {
        try await write { db in try await db.run(UploadStatements.delete(id: id), logger) }
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
            let part = try await db.value(Bool.self, UploadStatements.partExists(etag: etag, size: size, creatorID: creatorID), logger) ?? false
            return (part, nil)
        }
    }

    public func findMedia(id: Int64) async throws -> Media? {
        try await read { db in try await mediaByID(db, id) }
    }

    public func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile? {
        try await read { db in
            guard let row = try await db.rows(UploadStatements.mediaFile(mediaID: mediaID, creatorID: creatorID), logger).first
            else { return nil }
            let (path, contentType) = try row.decode((String, String).self)
            return StoredMediaFile(path: path, contentType: contentType)
        }
    }

    private func mediaByID(_ db: PostgresConnection, _ id: Int64) async throws -> Media? {
        try await db.rows("SELECT \(unescaped: PostgresMediaRow.columns) FROM media WHERE id = \(id)", logger).first
            .map(PostgresMediaRow.decode)
    }
}
