public import Foundation
internal import OpenAPIRuntime

extension FanoutClient {
    /// Reports an upload's progress after each request that carried bytes.
    public typealias UploadProgressHandler = @Sendable (UploadProgress) -> Void

    /// Puts `data` into the vault: in parts of the size the server advises
    /// (one whole PUT when it fits in one part), then completes it.
    /// `progress` is told after each part. The server's part advice is
    /// checked: a part size below 1 or making over 10,000 parts, or a part
    /// count that does not match it, is ``FanoutClientError/invalidResponse(field:value:)``
    /// before any byte goes.
    public func upload(
        _ data: Data, filename: String, contentType: String, progress: UploadProgressHandler? = nil
    ) async throws -> VaultMedia {
        try await upload(size: data.count, filename: filename, contentType: contentType, progress: progress) {
            offset, length in
            let start = data.startIndex + offset
            return HTTPBody(Data(data[start..<start + length]))
        }
    }

    /// Puts the file at `url` into the vault, read from disk part by part
    /// (never whole in memory), named `filename` or the file's own name.
    /// Its size is taken when the upload starts: a file that gets shorter
    /// meanwhile fails with the code `INVALID_FILE`, and is not completed.
    public func upload(
        fileAt url: URL, filename: String? = nil, contentType: String, progress: UploadProgressHandler? = nil
    ) async throws -> VaultMedia {
        let handle = try FileHandle(forReadingFrom: url)
        let end = try handle.seekToEnd()
        try? handle.close()
        guard let size = Int(exactly: end) else { throw FanoutClientError.invalidFile(url, reason: "is larger than any upload") }
        return try await upload(
            size: size, filename: filename ?? url.lastPathComponent, contentType: contentType, progress: progress
        ) { offset, length in
            HTTPBody(FileSlice(url: url, offset: offset, length: length), length: .known(Int64(length)), iterationBehavior: .multiple)
        }
    }

    /// Start, the parts (or the whole), complete: `body` gives the bytes at
    /// an offset and length of the file. Each request is retried under its
    /// own idempotency key; a new call is a new upload.
    private func upload(
        size: Int, filename: String, contentType: String, progress: UploadProgressHandler?,
        body: (_ offset: Int, _ length: Int) throws -> HTTPBody
    ) async throws -> VaultMedia {
        let started = try await startUpload(filename: filename, size: size, contentType: contentType)
        let plan = try UploadPlan(size: size, advisedPartSize: started.partSize, advisedParts: started.partCount)
        let uploaded: UploadedMedia
        if plan.parts == 1 {
            uploaded = try await uploadWhole(uploadID: started.id, body: try body(0, size))
            progress?(UploadProgress(bytesSent: size, totalBytes: size, partsSent: 1, totalParts: 1))
        } else {
            var sent = 0
            for number in 1...plan.parts {
                let part = plan.part(number)
                _ = try await uploadPart(uploadID: started.id, number: number, body: try body(part.offset, part.length))
                sent += part.length  // the parts add up to size: no overflow
                progress?(UploadProgress(bytesSent: sent, totalBytes: size, partsSent: number, totalParts: plan.parts))
            }
            uploaded = try await completeUpload(uploadID: started.id)
        }
        // A new media is in no list and has no likes or tips yet.
        return VaultMedia(media: uploaded.media)
    }

    /// Opens an upload of `size` bytes (1 to the server's limit) of
    /// `contentType` (image/*, video/*, audio/*), with the part size and
    /// count the server advises.
    public func startUpload(filename: String, size: Int, contentType: String, idempotencyKey: String? = nil) async throws -> StartedUpload {
        let ok = try await call {
            try await api.initUpload(
                headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(filename: filename, size: size, contentType: contentType))
            ).ok
        }
        return StartedUpload(
            id: try ok.body.json.mediaUploadId, partSize: ok.headers.xOfauthUploadPartSize, partCount: ok.headers.xOfauthUploadTotalParts)
    }

    /// Sends part `number` (1–10,000) of an upload; sending a number again
    /// replaces that part.
    public func uploadPart(uploadID: String, number: Int, data: Data) async throws -> UploadedPart {
        try await uploadPart(uploadID: uploadID, number: number, body: HTTPBody(data))
    }

    /// Sends an upload's bytes in one request and completes it.
    public func uploadWhole(uploadID: String, data: Data) async throws -> UploadedMedia {
        try await uploadWhole(uploadID: uploadID, body: HTTPBody(data))
    }

    /// Joins an upload's parts into the vault's new media (completing again
    /// answers the same media).
    public func completeUpload(uploadID: String, idempotencyKey: String? = nil) async throws -> UploadedMedia {
        try UploadedMedia(try await call {
            try await api.completeUpload(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(mediaUploadId: uploadID))).ok.body.json
        })
    }

    /// Whether a file (or a part) with this ETag (its MD5, hex) and size
    /// already arrived, and the vault media when it is a file.
    public func checkUpload(etag: String, size: Int, idempotencyKey: String? = nil) async throws -> UploadCheck {
        try UploadCheck(try await call {
            try await api.checkUpload(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(etag: etag, size: size))).ok.body.json
        })
    }

    func uploadPart(uploadID: String, number: Int, body: HTTPBody) async throws -> UploadedPart {
        UploadedPart(try await call {
            try await api.uploadPart(path: .init(mediaUploadId: uploadID, partNumber: number), body: .binary(body)).ok.body.json
        })
    }

    func uploadWhole(uploadID: String, body: HTTPBody) async throws -> UploadedMedia {
        try UploadedMedia(try await call { try await api.uploadWhole(path: .init(mediaUploadId: uploadID), body: .binary(body)).ok.body.json })
    }
}
