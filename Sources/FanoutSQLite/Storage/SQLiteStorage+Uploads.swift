import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: UploadStore {
    public func createUpload(_ upload: Upload, quota: Int) async throws -> UploadQuotaCheck {
        try await write { db in
            // One writer: the sum and the insert see no other upload start between them.
            let used = try Int.fetchOne(db, sql: """
                SELECT (SELECT COALESCE(SUM(size), 0) FROM media WHERE creator_id = ?1 AND stored_file IS NOT NULL)
                     + (SELECT COALESCE(SUM(size), 0) FROM upload WHERE creator_id = ?1 AND media_id IS NULL)
                """, arguments: [upload.creatorID]) ?? 0
            guard UploadAllowance.fitsQuota(used: used, adding: upload.size, quota: quota) else { return .overQuota(used: used) }
            try db.execute(UploadStatements.insert(upload))
            return .created
        }
    }

    public func upload(id: String, creatorID: Int64) async throws -> Upload? {
        try await read { db in
            try db.run(UploadStatements.select(id: id, creatorID: creatorID)).first.map { row in
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
            try db.execute(UploadStatements.deleteStaleReservations(uploadID: uploadID, staleBefore: staleBefore))
            guard let row = try Row.fetchOne(db, sql: """
                SELECT size,
                    (SELECT COALESCE(SUM(size), 0) FROM upload_part WHERE upload_id = ?1)
                        + (SELECT COALESCE(SUM(bytes), 0) FROM upload_reservation WHERE upload_id = ?1),
                    (SELECT size FROM upload_part WHERE upload_id = ?1 AND part_number = ?2)
                FROM upload WHERE id = ?1 AND media_id IS NULL
                """, arguments: [uploadID, number]) else { return .gone }
            let declared: Int = row[0], reserved: Int = row[1], replaced: Int = row[2] ?? 0
            guard let bytes = UploadAllowance.partReservation(declared: declared, reserved: reserved, replaced: replaced, length: length) else {
                return .full(left: UploadAllowance.room(declared: declared, reserved: reserved, replaced: replaced))
            }
            try db.execute(UploadStatements.insertReservation(id: reservationID, uploadID: uploadID, bytes: bytes, at: now))
            return .reserved(bytes)
        }
    }

    public func renewUploadReservation(id: String, at now: Date) async throws {
        try await write { db in try db.execute(UploadStatements.renewReservation(id: id, at: now)) }
    }

    public func recordUploadPart(uploadID: String, part: UploadPart, reservationID: String) async throws -> Bool {
        try await write { db in
            try db.execute(UploadStatements.deleteReservation(id: reservationID))
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM upload WHERE id = ? AND media_id IS NULL)", arguments: [uploadID]) == true
            else { return false }
            try db.execute(UploadStatements.upsertPart(part, uploadID: uploadID))
            return true
        }
    }

    public func releaseUploadReservation(id: String) async throws {
        try await write { db in try db.execute(UploadStatements.deleteReservation(id: id)) }
    }

    public func uploadParts(uploadID: String) async throws -> [UploadPart] {
        try await read { db in
            try db.run(UploadStatements.parts(uploadID: uploadID)).map { UploadPart(number: $0[0], size: $0[1], etag: $0[2]) }
        }
    }

    public func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media? {
        try await write { db in
            guard let upload = try Row.fetchOne(db, sql: "SELECT media_id FROM upload WHERE id = ?", arguments: [id]) else { return nil }
            // A completion that lost a race answers the winner's media.
            if let done: Int64 = upload[0], let existing = try MediaRow.fetchAll(db, ids: [done]).first {
                return existing
            }
            // A picture is its own preview (no resizing here, so no thumbnail).
            let mediaID = try db.value(Int64.self, UploadStatements.insertMedia(media))!
            let url = urlPrefix + String(mediaID)
            try db.execute(UploadStatements.setMediaURLs(mediaID: mediaID, full: url, preview: media.kind.isPicture ? url : nil))
            try db.execute(UploadStatements.setMedia(mediaID, ofUpload: id))
            return try MediaRow.fetchAll(db, ids: [mediaID])[0]
        }
    }

    public func deleteUpload(id: String) async throws {
        try await write { db in try db.execute(UploadStatements.delete(id: id)) }
    }

    public func purgeOpenUploads(createdBefore cutoff: Date, limit: Int) async throws -> [String] {
        try await write { db in
            try String.fetchAll(db, sql: """
                DELETE FROM upload WHERE id IN (
                    SELECT id FROM upload WHERE media_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?)
                RETURNING id
                """, arguments: [cutoff, max(0, limit)])
        }
    }

    public func findUploaded(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?) {
        try await read { db in
            if let mediaID = try Int64.fetchOne(
                db, sql: "SELECT id FROM media WHERE creator_id = ? AND etag = ? AND size = ? ORDER BY id DESC LIMIT 1",
                arguments: [creatorID, etag, size]) {
                return (true, try MediaRow.fetchAll(db, ids: [mediaID]).first)
            }
            let part = try db.value(Bool.self, UploadStatements.partExists(etag: etag, size: size, creatorID: creatorID)) ?? false
            return (part, nil)
        }
    }

    public func findMedia(id: Int64) async throws -> Media? {
        try await read { db in try MediaRow.fetchAll(db, ids: [id]).first }
    }

    public func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile? {
        try await read { db in
            try db.run(UploadStatements.mediaFile(mediaID: mediaID, creatorID: creatorID)).first.map { StoredMediaFile(path: $0[0], contentType: $0[1]) }
        }
    }
}
