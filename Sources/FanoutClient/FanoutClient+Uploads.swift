import Foundation
import OpenAPIRuntime

extension FanoutClient {
    /// Starts an upload of `size` bytes; send it whole or in parts, then complete it.
    public func startUpload(filename: String, size: Int, contentType: String, idempotencyKey: String? = nil) async throws -> String {
        try await call {
            try await api.initUpload(
                headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(filename: filename, size: size, contentType: contentType))
            ).ok.body.json.mediaUploadId
        }
    }

    /// One part (numbered from 1) of a started upload.
    public func uploadPart(uploadID: String, number: Int, bytes: [UInt8]) async throws -> Components.Schemas.UploadPartReceived {
        try await call {
            try await api.uploadPart(path: .init(mediaUploadId: uploadID, partNumber: number), body: .binary(HTTPBody(bytes))).ok.body.json
        }
    }

    /// A started upload's bytes in one request: the media it became.
    public func uploadWhole(uploadID: String, bytes: [UInt8]) async throws -> Components.Schemas.UploadCompleted {
        try await call { try await api.uploadWhole(path: .init(mediaUploadId: uploadID), body: .binary(HTTPBody(bytes))).ok.body.json }
    }

    /// Joins a started upload's parts: the media it became.
    public func completeUpload(uploadID: String, idempotencyKey: String? = nil) async throws -> Components.Schemas.UploadCompleted {
        try await call {
            try await api.completeUpload(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(mediaUploadId: uploadID))).ok.body.json
        }
    }

    /// Whether the vault already has this file (by its MD5 ETag and size).
    public func checkUpload(etag: String, size: Int, idempotencyKey: String? = nil) async throws -> Components.Schemas.UploadCheck {
        try await call { try await api.checkUpload(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(etag: etag, size: size))).ok.body.json }
    }

    /// A file into the vault in one go (start, then the whole bytes).
    public func upload(_ bytes: [UInt8], filename: String, contentType: String) async throws -> Components.Schemas.UploadCompleted {
        let id = try await startUpload(filename: filename, size: bytes.count, contentType: contentType)
        return try await uploadWhole(uploadID: id, bytes: bytes)
    }
}
