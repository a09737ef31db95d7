import Foundation

/// Uploads in progress and the files of complete ones.
public protocol UploadStore: Sendable {
    func createUpload(_ upload: Upload) async throws
    /// nil when there is no such upload of that creator.
    func upload(id: String, creatorID: Int64) async throws -> Upload?
    /// Replaces an earlier part of the same number.
    func recordUploadPart(uploadID: String, part: UploadPart) async throws
    /// By part number.
    func uploadParts(uploadID: String) async throws -> [UploadPart]
    /// Adds the media to the creator's vault and marks the upload complete,
    /// in one transaction; its URLs are `urlPrefix` followed by its id.
    func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media
    /// Forgets an upload that failed (its parts' records go with it).
    func deleteUpload(id: String) async throws
    /// A vault media or a received part of the creator's with that ETag and size.
    func findUploaded(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?)
    /// Any vault media by id (a complete upload's, for a repeated completion).
    func findMedia(id: Int64) async throws -> Media?
    /// The file behind one of the creator's uploaded media; nil for others' and for media not uploaded here.
    func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile?
}
