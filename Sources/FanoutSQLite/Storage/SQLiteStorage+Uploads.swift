import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: UploadStore {
    public func createUpload(_ upload: Upload, quota: Int) async throws -> UploadQuotaCheck {
        try await write { db in
            // One writer: the sum and the insert see no other upload start between them.
            let used = try Int.fetchOne(db, sql: """
                SELECT (SELECT COALESCE(SUM(size), 0) FROM media WHERE creatorId = ?1 AND storedFile IS NOT NULL)
                     + (SELECT COALESCE(SUM(size), 0) FROM upload WHERE creatorId = ?1 AND mediaId IS NULL)
                """, arguments: [upload.creatorID]) ?? 0
            guard UploadAllowance.fitsQuota(used: used, adding: upload.size, quota: quota) else { return .overQuota(used: used) }
            try db.execute(sql: """
                INSERT INTO upload (id, creatorId, filename, size, contentType, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [upload.id, upload.creatorID, upload.filename, upload.size, upload.contentType, upload.createdAt])
            return .created
        }
    }

    public func upload(id: String, creatorID: Int64) async throws -> Upload? {
        try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, creatorId, filename, size, contentType, createdAt, mediaId FROM upload WHERE id = ? AND creatorId = ?
                """, arguments: [id, creatorID]).map { row in
                Upload(id: row[0], creatorID: row[1], filename: row[2], size: row[3], contentType: row[4],
                       createdAt: StoredDate.read(row, 5), mediaID: row[6])
            }
        }
    }

    public func reserveUploadPart(
        uploadID: String, number: Int, length: Int?, reservationID: String, at now: Date, staleBefore: Date
    ) async throws -> UploadPartRoom {
        try await write { db in
            // One writer: parts arriving at once reserve one after the other.
            try db.execute(
                sql: "DELETE FROM uploadReservation WHERE uploadId = ? AND renewedAt < ?", arguments: [uploadID, staleBefore])
            guard let row = try Row.fetchOne(db, sql: """
                SELECT size,
                    (SELECT COALESCE(SUM(size), 0) FROM uploadPart WHERE uploadId = ?1)
                        + (SELECT COALESCE(SUM(bytes), 0) FROM uploadReservation WHERE uploadId = ?1),
                    (SELECT size FROM uploadPart WHERE uploadId = ?1 AND partNumber = ?2)
                FROM upload WHERE id = ?1 AND mediaId IS NULL
                """, arguments: [uploadID, number]) else { return .gone }
            let declared: Int = row[0], reserved: Int = row[1], replaced: Int = row[2] ?? 0
            guard let bytes = UploadAllowance.partReservation(declared: declared, reserved: reserved, replaced: replaced, length: length) else {
                return .full(left: UploadAllowance.room(declared: declared, reserved: reserved, replaced: replaced))
            }
            try db.execute(
                sql: "INSERT INTO uploadReservation (id, uploadId, bytes, renewedAt) VALUES (?, ?, ?, ?)",
                arguments: [reservationID, uploadID, bytes, now])
            return .reserved(bytes)
        }
    }

    public func renewUploadReservation(id: String, at now: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE uploadReservation SET renewedAt = ? WHERE id = ?", arguments: [now, id])
        }
    }

    public func recordUploadPart(uploadID: String, part: UploadPart, reservationID: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM uploadReservation WHERE id = ?", arguments: [reservationID])
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM upload WHERE id = ? AND mediaId IS NULL)", arguments: [uploadID]) == true
            else { return false }
            try db.execute(
                sql: "INSERT OR REPLACE INTO uploadPart (uploadId, partNumber, size, etag) VALUES (?, ?, ?, ?)",
                arguments: [uploadID, part.number, part.size, part.etag])
            return true
        }
    }

    public func releaseUploadReservation(id: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM uploadReservation WHERE id = ?", arguments: [id]) }
    }

    public func uploadParts(uploadID: String) async throws -> [UploadPart] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT partNumber, size, etag FROM uploadPart WHERE uploadId = ? ORDER BY partNumber", arguments: [uploadID]
            ).map { UploadPart(number: $0[0], size: $0[1], etag: $0[2]) }
        }
    }

    public func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media? {
        try await write { db in
            guard let upload = try Row.fetchOne(db, sql: "SELECT mediaId FROM upload WHERE id = ?", arguments: [id]) else { return nil }
            // A completion that lost a race answers the winner's media.
            if let done: Int64 = upload[0], let existing = try MediaRow.fetchAll(db, ids: [done]).first {
                return existing
            }
            // A picture is its own preview (no resizing here, so no thumbnail).
            try db.execute(sql: """
                INSERT INTO media (creatorId, kind, createdAt, isReady, hasError, convertedToVideo, hasCustomPreview, duration,
                    width, height, size, fullUrl, filename, storedFile, contentType, etag)
                VALUES (?, ?, ?, 1, 0, 0, 0, ?, ?, ?, ?, '', ?, ?, ?, ?)
                """, arguments: [media.creatorID, media.kind.rawValue, media.createdAt, media.duration, media.width, media.height,
                                 media.size, media.filename, media.file.path, media.file.contentType, media.etag])
            let mediaID = db.lastInsertedRowID
            let url = urlPrefix + String(mediaID)
            try db.execute(
                sql: "UPDATE media SET fullUrl = ?, previewUrl = ? WHERE id = ?", arguments: [url, media.kind.isPicture ? url : nil, mediaID])
            try db.execute(sql: "UPDATE upload SET mediaId = ? WHERE id = ?", arguments: [mediaID, id])
            return try MediaRow.fetchAll(db, ids: [mediaID])[0]
        }
    }

    public func deleteUpload(id: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM upload WHERE id = ?", arguments: [id]) }
    }

    public func purgeOpenUploads(createdBefore cutoff: Date, limit: Int) async throws -> [String] {
        try await write { db in
            try String.fetchAll(db, sql: """
                DELETE FROM upload WHERE id IN (
                    SELECT id FROM upload WHERE mediaId IS NULL AND createdAt < ? ORDER BY createdAt LIMIT ?)
                RETURNING id
                """, arguments: [cutoff, max(0, limit)])
        }
    }

    public func findUploaded(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?) {
        try await read { db in
            if let mediaID = try Int64.fetchOne(
                db, sql: "SELECT id FROM media WHERE creatorId = ? AND etag = ? AND size = ? ORDER BY id DESC LIMIT 1",
                arguments: [creatorID, etag, size]) {
                return (true, try MediaRow.fetchAll(db, ids: [mediaID]).first)
            }
            let part = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM uploadPart p JOIN upload u ON u.id = p.uploadId
                               WHERE p.etag = ? AND p.size = ? AND u.creatorId = ?)
                """, arguments: [etag, size, creatorID]) ?? false
            return (part, nil)
        }
    }

    public func findMedia(id: Int64) async throws -> Media? {
        try await read { db in try MediaRow.fetchAll(db, ids: [id]).first }
    }

    public func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT storedFile, contentType FROM media WHERE id = ? AND creatorId = ? AND storedFile IS NOT NULL",
                arguments: [mediaID, creatorID]
            ).map { StoredMediaFile(path: $0[0], contentType: $0[1]) }
        }
    }
}
