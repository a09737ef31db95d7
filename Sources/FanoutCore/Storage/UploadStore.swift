import Foundation

/// Uploads in progress and the files of complete ones.
public protocol UploadStore: Sendable {
    /// Creates the upload when it fits `quota` with what its creator already
    /// uses (stored media bytes plus open uploads' declared sizes), checked
    /// and written in one transaction so that uploads started at once cannot
    /// pass it together (`UploadAllowance.fitsQuota`).
    func createUpload(_ upload: Upload, quota: Int) async throws -> UploadQuotaCheck
    /// nil when there is no such upload of that creator.
    func upload(id: String, creatorID: Int64) async throws -> Upload?
    /// Reserves room for part `number` of an open upload before its bytes
    /// are written, in one transaction that reads the upload's recorded
    /// parts and live reservations (renewed at or after `staleBefore`; older
    /// ones are dropped) and adds reservation `reservationID`
    /// (`UploadAllowance.partReservation`).
    func reserveUploadPart(
        uploadID: String, number: Int, length: Int?, reservationID: String, at now: Date, staleBefore: Date
    ) async throws -> UploadPartRoom
    /// Keeps a reservation live while its part streams in.
    func renewUploadReservation(id: String, at now: Date) async throws
    /// Records the part (replacing an earlier one of the same number) and
    /// drops its reservation, in one transaction; false when the upload is gone.
    func recordUploadPart(uploadID: String, part: UploadPart, reservationID: String) async throws -> Bool
    /// Gives back the room a part that failed had reserved.
    func releaseUploadReservation(id: String) async throws
    /// By part number.
    func uploadParts(uploadID: String) async throws -> [UploadPart]
    /// Adds the media to the creator's vault and marks the upload complete,
    /// in one transaction; its URLs are `urlPrefix` followed by its id.
    /// nil when the upload is gone (removed as too old meanwhile).
    func completeUpload(id: String, media: NewMedia, urlPrefix: String) async throws -> Media?
    /// Forgets an upload that failed (its parts' records go with it).
    func deleteUpload(id: String) async throws
    /// Deletes up to `limit` uploads not completed and created before
    /// `cutoff`; returns the ids this call deleted (of several instances
    /// purging at once, each row goes to one), whose files the caller removes.
    func purgeOpenUploads(createdBefore cutoff: Date, limit: Int) async throws -> [String]
    /// A vault media or a received part of the creator's with that ETag and size.
    func findUploaded(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?)
    /// Any vault media by id (a complete upload's, for a repeated completion).
    func findMedia(id: Int64) async throws -> Media?
    /// The file behind one of the creator's uploaded media; nil for others' and for media not uploaded here.
    func mediaFile(mediaID: Int64, creatorID: Int64) async throws -> StoredMediaFile?
}
