import Foundation

/// Uploads into the vault, with their rules: a declared name, size (1 byte
/// to `maxUploadSize`) and content type; parts numbered 1 to 10,000 that add
/// up to exactly the declared size; a file whose bytes are of the declared
/// kind. A failed completion leaves nothing behind.
public struct UploadService: Sendable {
    let store: any UploadStore
    /// nil: uploads are off (PostgreSQL without a media folder).
    let files: DiskMediaFiles?
    let clock: any FanoutClock
    public let maxUploadSize: Int
    /// Bytes a creator may hold: stored media plus open uploads' declared sizes.
    public let uploadQuota: Int
    /// What a media's URL starts with, its id following (`…/media/`).
    let urlPrefix: String
    /// Real time, for reservations' leases and uploads' expiry: no sandbox
    /// clock may make them look stale.
    let realClock: any FanoutClock

    public static let maxParts = 10_000
    /// The part size announced to clients that cut files by it (the SDK's
    /// `upload_media`): 5 MiB, S3's smallest part, grown only when a file
    /// would otherwise need more than `maxParts`.
    public static let preferredPartSize = 5 * 1024 * 1024

    /// How a file of `size` bytes (1 to any `Int`) is best sent: the part
    /// size and the number of parts, at most `maxParts`.
    public static func partPlan(size: Int) -> (partSize: Int, parts: Int) {
        let size = max(size, 1)
        let smallest = size / maxParts + (size % maxParts == 0 ? 0 : 1)
        let partSize = max(preferredPartSize, smallest)
        return (partSize, size / partSize + (size % partSize == 0 ? 0 : 1))
    }
    public static let defaultMaxUploadSize = 512 * 1024 * 1024

    public init(
        store: any UploadStore, files: DiskMediaFiles?, clock: any FanoutClock, maxUploadSize: Int = defaultMaxUploadSize,
        uploadQuota: Int = UploadAllowance.defaultQuota, urlPrefix: String, realClock: any FanoutClock = SystemClock()
    ) {
        self.store = store
        self.files = files
        self.clock = clock
        self.maxUploadSize = maxUploadSize
        self.uploadQuota = uploadQuota
        self.urlPrefix = urlPrefix
        self.realClock = realClock
    }

    public func start(filename: String, size: Int, contentType: String, creatorID: Int64) async throws -> Upload {
        _ = try folder()
        // Kept as sent (the schema's rule exactly): only control characters are refused.
        let name = filename
        guard (1...255).contains(name.unicodeScalars.count), !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw FanoutError.badRequest(
                "filename must be 1 to 255 characters, without control characters", field: "filename", allowed: "1 to 255 characters")
        }
        guard (1...maxUploadSize).contains(size) else {
            throw FanoutError.badRequest(
                "size must be 1 to \(maxUploadSize) bytes, got \(size)", field: "size", allowed: "1 to \(maxUploadSize)")
        }
        guard MediaKind(contentType: contentType) != nil else {
            throw FanoutError.badRequest(
                "contentType '\(contentType.prefix(60))' is not an image, video or audio type", field: "contentType",
                allowed: "image/*, video/*, audio/*")
        }
        // Dated in real time: the 24-hour expiry follows it.
        let upload = Upload(
            id: "mu_" + Self.randomID(), creatorID: creatorID, filename: name, size: size,
            contentType: contentType.lowercased(), createdAt: realClock.now())
        if case .overQuota(let used) = try await store.createUpload(upload, quota: uploadQuota) {
            throw FanoutError.badRequest(
                "An upload of \(size) bytes would pass the upload quota of \(uploadQuota) bytes per creator "
                    + "(\(used) bytes in stored media and open uploads)", field: "size",
                allowed: "at most \(max(0, uploadQuota.subtractingReportingOverflow(used).partialValue)) bytes")
        }
        return upload
    }

    /// An open upload of the creator's: 404 when unknown, 400 once complete.
    public func openUpload(id: String, creatorID: Int64) async throws -> Upload {
        let upload = try await existing(id: id, creatorID: creatorID)
        guard upload.mediaID == nil else {
            throw FanoutError.badRequest("Upload \(id) is already complete", field: "mediaUploadId")
        }
        return upload
    }

    /// Receives part `number` (replacing an earlier one of that number),
    /// streamed to disk. Room for it is reserved first (`length`, the
    /// request's Content-Length, or all that is left when unknown), so parts
    /// sent at once can never together pass the declared size.
    public func receivePart<Chunks: AsyncSequence>(
        _ upload: Upload, number: Int, length: Int? = nil, chunks: Chunks
    ) async throws -> UploadPart where Chunks.Element: DataProtocol {
        let files = try folder()
        guard (1...Self.maxParts).contains(number) else {
            throw FanoutError.badRequest("partNumber must be 1 to \(Self.maxParts)", field: "partNumber", allowed: "1 to \(Self.maxParts)")
        }
        let reservationID = UUID().uuidString
        let now = realClock.now()
        // Reserving, renewing and releasing room are bookkeeping, not the
        // request's write: they must not mark its Idempotency-Key as written
        // (a part that then fails could never be retried under that key).
        let room = try await IdempotencyClaim.$current.withValue(nil) {
            try await store.reserveUploadPart(
                uploadID: upload.id, number: number, length: length, reservationID: reservationID, at: now,
                staleBefore: now.addingTimeInterval(-UploadAllowance.reservationLease))
        }
        let bytes: Int
        switch room {
        case .reserved(let reserved): bytes = reserved
        case .gone: throw FanoutError.notFound("Upload \(upload.id) not found")
        case .full(let left):
            throw FanoutError.badRequest(
                "Part \(number)\(length.map { " (\($0) bytes)" } ?? "") does not fit: \(left) of the declared \(upload.size) bytes "
                    + "are left beside the parts received or arriving", field: "size", allowed: "at most \(left) bytes")
        }
        let part: UploadPart
        do {
            let renewing = RenewingChunks(base: chunks, every: UploadAllowance.renewEvery) { [store, realClock] in
                try? await IdempotencyClaim.$current.withValue(nil) {
                    try await store.renewUploadReservation(id: reservationID, at: realClock.now())
                }
            }
            part = try await files.writePart(
                uploadID: upload.id, number: number, maxBytes: bytes, chunks: renewing,
                tooLarge: FanoutError.badRequest(
                    length == nil
                        ? "The parts add up to more than the declared size of \(upload.size) bytes"
                        : "Part \(number) is longer than its Content-Length of \(bytes) bytes", field: "size"))
        } catch {
            try? await IdempotencyClaim.$current.withValue(nil) { try await store.releaseUploadReservation(id: reservationID) }
            throw error
        }
        guard try await store.recordUploadPart(uploadID: upload.id, part: part, reservationID: reservationID) else {
            // Removed meanwhile (too old): its folder goes too, this part with it.
            await files.discard(uploadID: upload.id)
            throw FanoutError.notFound("Upload \(upload.id) not found")
        }
        return part
    }

    /// Removes up to `limit` uploads not completed within
    /// `UploadAllowance.openFor`, and their files; how many. Safe with
    /// several instances on one folder: each removes only the files of the
    /// rows its own transaction deleted, and only open uploads' folders
    /// (a completed media's file is never under them).
    @discardableResult
    public func purgeExpired(limit: Int = 500) async throws -> Int {
        let cutoff = realClock.now().addingTimeInterval(-UploadAllowance.openFor)
        let ids = try await store.purgeOpenUploads(createdBefore: cutoff, limit: limit)
        if let files { for id in ids { await files.discard(uploadID: id) } }
        return ids.count
    }

    /// The whole file as one body, completed at once.
    public func receiveWhole<Chunks: AsyncSequence>(_ upload: Upload, length: Int? = nil, chunks: Chunks) async throws -> Media
    where Chunks.Element: DataProtocol {
        _ = try await receivePart(upload, number: 1, length: length, chunks: chunks)
        return try await complete(id: upload.id, creatorID: upload.creatorID)
    }

    /// Assembles the parts into the vault's new media; a second call answers
    /// the same media. On a size or type mismatch: 400, and the upload and
    /// its bytes are gone.
    public func complete(id: String, creatorID: Int64) async throws -> Media {
        let files = try folder()
        let upload = try await existing(id: id, creatorID: creatorID)
        if let mediaID = upload.mediaID, let media = try await store.findMedia(id: mediaID) { return media }
        let parts = try await store.uploadParts(uploadID: id)
        if let missing = (1...max(parts.count, 1)).first(where: { number in !parts.contains { $0.number == number } }) {
            throw FanoutError.badRequest("Part \(missing) of upload \(id) has not arrived", field: "partNumber")
        }
        let received = parts.totalSize
        guard received == upload.size else {
            try await forget(upload, files)
            throw FanoutError.badRequest(
                "The parts add up to \(received) bytes, not the declared \(upload.size): the upload is discarded", field: "size")
        }
        let assembled = try await files.assemble(uploadID: id, partCount: parts.count)
        guard let probe = assembled.probe, probe.kind == upload.kind else {
            try await forget(upload, files)
            let found = assembled.probe.map { "a \($0.kind.rawValue) (\($0.contentType))" } ?? "none of \(MediaProbe.formats)"
            throw FanoutError.badRequest(
                "The file is \(found), not the declared \(upload.contentType): the upload is discarded", field: "contentType")
        }
        let file = StoredMediaFile(path: "\(creatorID)/\(id).\(Self.fileExtension(probe.contentType))", contentType: probe.contentType)
        try await files.publish(assembled.temporary, as: file.path)
        guard let media = try await store.completeUpload(
            id: id,
            media: NewMedia(
                creatorID: creatorID, kind: probe.kind, createdAt: clock.now(), width: probe.width, height: probe.height,
                duration: probe.duration, size: upload.size, filename: upload.filename, file: file, etag: assembled.etag),
            urlPrefix: urlPrefix)
        else {
            // Removed as too old while it was assembled: no media, so no file.
            await files.remove(file)
            await files.discard(uploadID: id)
            throw FanoutError.notFound("Upload \(id) not found")
        }
        await files.discard(uploadID: id)
        return media
    }

    /// Whether a part or a complete file with that ETag and size arrived (and, for a file, its media).
    public func check(etag: String, size: Int, creatorID: Int64) async throws -> (found: Bool, media: Media?) {
        guard (1...200).contains(etag.unicodeScalars.count) else {
            throw FanoutError.badRequest("etag must be 1 to 200 characters", field: "etag")
        }
        guard size > 0 else { throw FanoutError.badRequest("size must be at least 1", field: "size") }
        return try await store.findUploaded(etag: etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased(),
                                            size: size, creatorID: creatorID)
    }

    /// The path and content type of one of the creator's uploaded media.
    public func file(mediaID: Int64, creatorID: Int64) async throws -> (path: String, contentType: String) {
        guard let files, let stored = try await store.mediaFile(mediaID: mediaID, creatorID: creatorID), let path = files.path(of: stored)
        else { throw FanoutError.notFound("Media \(mediaID) not found") }
        return (path, stored.contentType)
    }

    private func existing(id: String, creatorID: Int64) async throws -> Upload {
        guard let upload = try await store.upload(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Upload \(id.prefix(60)) not found")
        }
        return upload
    }

    private func forget(_ upload: Upload, _ files: DiskMediaFiles) async throws {
        await files.discard(uploadID: upload.id)
        try await store.deleteUpload(id: upload.id)
    }

    private func folder() throws -> DiskMediaFiles {
        guard let files else {
            throw FanoutError.badRequest("Uploads are off: this server has no media folder (fanout serve --media-dir)", field: "media-dir")
        }
        return files
    }

    static func fileExtension(_ contentType: String) -> String {
        switch contentType {
        case "image/jpeg": "jpg"
        case "image/png": "png"
        case "image/webp": "webp"
        case "image/gif": "gif"
        case "video/quicktime": "mov"
        case "video/webm": "webm"
        case "audio/mpeg": "mp3"
        case "audio/mp4": "m4a"
        case "audio/ogg": "ogg"
        case "audio/flac": "flac"
        case "audio/wav": "wav"
        default: "mp4"
        }
    }

    static func randomID() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in APIKeySecret.alphabet.randomElement(using: &rng)! })
    }
}

extension Array where Element == UploadPart {
    /// The parts' bytes together, saturating at Int.max: sizes come from rows,
    /// and a trapping `+` would stop the server where a 400 is due.
    var totalSize: Int {
        reduce(0) { total, part in
            let (sum, overflow) = total.addingReportingOverflow(part.size)
            return overflow ? .max : sum
        }
    }
}
