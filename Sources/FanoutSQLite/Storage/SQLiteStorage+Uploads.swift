import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: UploadStore {
    public func createUpload(_ upload: Upload) async throws {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO upload (id, creatorId, filename, size, contentType, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [upload.id, upload.creatorID, upload.filename, upload.size, upload.contentType, upload.createdAt])
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

    public func recordUploadPart(uploadID: String, part: UploadPart) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO uploadPart (uploadId, partNumber, size, etag) VALUES (?, ?, ?, ?)",
                arguments: [uploadID, part.number, part.size, part.etag])
        }
    }

    public func uploadParts(uploadID: String) async throws -> [UploadPart] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT partNumber, size, etag FROM uploadPart WHERE uploadId = ? ORDER BY partNumber", arguments: [uploadID]
            ).map { UploadPart(number: $0[0], size: $0[1], etag: $0[2]) }
        }
    }

    public func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media {
        try await write { db in
            // A completion that lost a race answers the winner's media.
            if let done = try Int64.fetchOne(db, sql: "SELECT mediaId FROM upload WHERE id = ?", arguments: [id]),
               let existing = try MediaRow.fetchAll(db, ids: [done]).first {
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
