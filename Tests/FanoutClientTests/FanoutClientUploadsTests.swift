import FanoutClient
import FanoutTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIRuntime
import Synchronization
import Testing

/// The upload methods of `FanoutClient`, against a real server: the five
/// operations, and whole files from `Data` or disk, in the parts the server
/// advises, with progress.
@Suite struct FanoutClientUploadsTests {
    @Test(arguments: StorageBackend.available) func dataThatFitsOnePartGoesWholeAndIsWhatTheVaultLists(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let file = png(width: 2, height: 3, size: 3_000, seed: 1)
            let progress = ProgressLog()
            let uploaded = try await client.upload(file, filename: "swift.png", contentType: "image/png", progress: progress.record)
            #expect(uploaded.media.kind == .photo && uploaded.media.full?.width == 2 && uploaded.media.full?.height == 3)
            #expect(uploaded.media.full?.size == file.count && uploaded.lists.isEmpty && uploaded.likesCount == 0 && uploaded.tipsTotal == 0)
            #expect(progress.reports == [FanoutClient.UploadProgress(bytesSent: 3_000, totalBytes: 3_000, partsSent: 1, totalParts: 1)])
            #expect(progress.reports.last?.fractionCompleted == 1)
            let sent = world.transport.exchanges.map { "\($0.request.method) \($0.request.path ?? "")" }.filter { $0.contains("/uploads/") }
            #expect(sent.count == 2 && sent[0] == "POST /v2/access/uploads/init" && sent[1].hasPrefix("PUT /v2/access/uploads/mu_"), "\(sent)")

            try await expectListedAndDownloadable(uploaded, bytes: file, world: world)
        }
    }

    @Test(arguments: StorageBackend.available) func largeFilesGoInTheAdvisedPartsFromDataAndFromDisk(backend: StorageBackend) async throws {
        // Beyond the server's 5 MiB part: three parts, the last the rest.
        try await ClientWorld.with(backend, maxUploadSize: 12 << 20) { world in
            let client = world.client()
            let size = (11 << 20) + 12_345
            let file = png(width: 640, height: 480, size: size, seed: 2)
            let progress = ProgressLog()
            let fromData = try await client.upload(file, filename: "big.png", contentType: "image/png", progress: progress.record)
            let expected = [5 << 20, 10 << 20, size].enumerated().map {
                FanoutClient.UploadProgress(bytesSent: $0.element, totalBytes: size, partsSent: $0.offset + 1, totalParts: 3)
            }
            #expect(progress.reports == expected)
            try await expectListedAndDownloadable(fromData, bytes: file, world: world)

            let disk = try temporaryFile(png(width: 640, height: 480, size: size, seed: 3))
            defer { try? FileManager.default.removeItem(at: disk) }
            let fromDisk = ProgressLog()
            let fromFile = try await client.upload(fileAt: disk, contentType: "image/png", progress: fromDisk.record)
            #expect(fromDisk.reports == expected)
            #expect(fromFile.id != fromData.id)
            try await expectListedAndDownloadable(fromFile, bytes: try Data(contentsOf: disk), world: world)
            let named = try await client.vaultMedia(query: disk.lastPathComponent).reduce(into: []) { $0.append($1.id) }
            #expect(named == [fromFile.id], "named after the file")

            let paths = world.transport.exchanges.compactMap(\.request.path).filter { $0.contains("/uploads/") }
            #expect(paths.filter { $0.contains("/parts/") }.map { $0.split(separator: "/").last.map(String.init) } == ["1", "2", "3", "1", "2", "3"])
            #expect(paths.filter { $0.hasSuffix("/complete") }.count == 2, "parts are completed; no whole PUT: \(paths)")
        }
    }

    @Test func advisedPartSizesAreFollowedAndHostileOnesRefusedBeforeAnyPart() async throws {
        try await ClientWorld.with { world in
            // The server's advice replaced on the way: 1,000-byte parts of a 2,500-byte file.
            let small = png(width: 4, height: 4, size: 2_500, seed: 4)
            let progress = ProgressLog()
            let fromData = try await world.advisedClient(partSize: "1000", totalParts: "3")
                .upload(small, filename: "a.png", contentType: "image/png", progress: progress.record)
            #expect(progress.reports.map(\.bytesSent) == [1_000, 2_000, 2_500] && progress.reports.map(\.partsSent) == [1, 2, 3])
            #expect(progress.reports.allSatisfy { $0.totalBytes == 2_500 && $0.totalParts == 3 })
            try await expectListedAndDownloadable(fromData, bytes: small, world: world)

            let disk = try temporaryFile(png(width: 4, height: 4, size: 2_500, seed: 5))
            defer { try? FileManager.default.removeItem(at: disk) }
            let fileProgress = ProgressLog()
            let fromFile = try await world.advisedClient(partSize: "1000", totalParts: nil)
                .upload(fileAt: disk, filename: "b.png", contentType: "image/png", progress: fileProgress.record)
            #expect(fileProgress.reports.map(\.bytesSent) == [1_000, 2_000, 2_500])
            try await expectListedAndDownloadable(fromFile, bytes: try Data(contentsOf: disk), world: world)

            // A file that gets shorter mid-upload: an error naming it, no completion.
            let shrinking = try temporaryFile(png(width: 4, height: 4, size: 2_500, seed: 14))
            defer { try? FileManager.default.removeItem(at: shrinking) }
            let completions = world.transport.exchanges.filter { $0.request.path?.hasSuffix("/complete") == true }.count
            let shrunk = await #expect(throws: FanoutClientError.self) {
                try await world.advisedClient(partSize: "1000", totalParts: "3").upload(fileAt: shrinking, contentType: "image/png") { report in
                    if report.partsSent == 1, let handle = try? FileHandle(forWritingTo: shrinking) { try? handle.truncate(atOffset: 1_500); try? handle.close() }
                }
            }
            #expect(shrunk?.code == "INVALID_FILE" && shrunk?.message.contains(shrinking.lastPathComponent) == true, "\(String(describing: shrunk))")
            #expect(world.transport.exchanges.filter { $0.request.path?.hasSuffix("/complete") == true }.count == completions)

            // Only a part count: parts of ⌈2,500 / 2⌉.
            let halves = ProgressLog()
            _ = try await world.advisedClient(partSize: nil, totalParts: "2")
                .upload(png(width: 4, height: 4, size: 2_500, seed: 6), filename: "c.png", contentType: "image/png", progress: halves.record)
            #expect(halves.reports.map(\.bytesSent) == [1_250, 2_500])
            // No advice: the API's own 5 MiB, so one whole PUT.
            let whole = ProgressLog()
            _ = try await world.advisedClient(partSize: nil, totalParts: nil)
                .upload(png(width: 4, height: 4, size: 2_500, seed: 7), filename: "d.png", contentType: "image/png", progress: whole.record)
            #expect(whole.reports == [FanoutClient.UploadProgress(bytesSent: 2_500, totalBytes: 2_500, partsSent: 1, totalParts: 1)])
            // A part size beyond the file (even Int.max): one whole PUT.
            let huge = ProgressLog()
            _ = try await world.advisedClient(partSize: String(Int.max), totalParts: "1")
                .upload(png(width: 4, height: 4, size: 2_500, seed: 8), filename: "e.png", contentType: "image/png", progress: huge.record)
            #expect(huge.reports.map(\.totalParts) == [1])

            // Hostile advice: refused as an invalid response, before any byte is sent.
            let large = png(width: 4, height: 4, size: 20_001, seed: 9)
            for (partSize, totalParts, field) in [
                ("0", "1", "x-ofauth-upload-part-size"), ("-5", nil, "x-ofauth-upload-part-size"),
                ("2", nil, "x-ofauth-upload-part-size"),  // 10,001 parts: more than the API's 10,000
                ("1000", "7", "x-ofauth-upload-total-parts"), (nil, "0", "x-ofauth-upload-total-parts"),
                (nil, "10001", "x-ofauth-upload-total-parts"), (String(Int.min), nil, "x-ofauth-upload-part-size"),
            ] as [(String?, String?, String)] {
                let before = world.transport.exchanges.count
                let progress = ProgressLog()
                let error = await #expect(throws: FanoutClientError.self, "\(partSize ?? "-") \(totalParts ?? "-")") {
                    try await world.advisedClient(partSize: partSize, totalParts: totalParts)
                        .upload(large, filename: "f.png", contentType: "image/png", progress: progress.record)
                }
                #expect(error?.code == "INVALID_RESPONSE" && error?.field == field, "\(partSize ?? "-") \(totalParts ?? "-"): \(String(describing: error))")
                #expect(world.transport.exchanges.dropFirst(before).map(\.request.method) == [.post], "only init was sent")
                #expect(progress.reports.isEmpty)
            }
            // Not a number at all: an answer the client cannot read, and no part.
            let before = world.transport.exchanges.count
            let unreadable = await #expect(throws: FanoutClientError.self) {
                try await world.advisedClient(partSize: "lots", totalParts: "3").upload(large, filename: "g.png", contentType: "image/png")
            }
            #expect(unreadable?.code == "INVALID_RESPONSE" && unreadable?.status == .ok)
            #expect(world.transport.exchanges.dropFirst(before).map(\.request.method) == [.post])
        }
    }

    @Test(arguments: StorageBackend.available) func theFiveOperationsByHand(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let file = png(width: 2, height: 3, size: 3_000, seed: 10)
            let started = try await client.startUpload(filename: "parts.png", size: file.count, contentType: "image/png")
            #expect(started.id.hasPrefix("mu_") && started.partSize == 5 << 20 && started.partCount == 1, "the server's advice: \(started)")
            let first = try await client.uploadPart(uploadID: started.id, number: 1, data: file.prefix(1_000))
            let second = try await client.uploadPart(uploadID: started.id, number: 2, data: file.dropFirst(1_000))
            #expect(first.uploadID == started.id && first.number == 1 && second.number == 2)
            #expect(first.etag.count == 32 && first.etag.allSatisfy(\.isHexDigit) && first.etag != second.etag)
            let joined = try await client.completeUpload(uploadID: started.id)
            #expect(joined.uploadID == started.id && joined.media.full?.size == 3_000 && joined.media.kind == .photo)
            #expect(try await client.completeUpload(uploadID: started.id) == joined, "completing again answers the same media")
            try await expectListedAndDownloadable(FanoutClient.VaultMedia(media: joined.media), bytes: file, world: world)

            // The whole file in one PUT.
            let other = png(width: 5, height: 7, size: 1_234, seed: 11)
            let wholeUpload = try await client.startUpload(filename: "whole.png", size: other.count, contentType: "image/png")
            let whole = try await client.uploadWhole(uploadID: wholeUpload.id, data: other)
            #expect(whole.uploadID == wholeUpload.id && whole.media.full?.width == 5 && whole.media.full?.height == 7)
            try await expectListedAndDownloadable(FanoutClient.VaultMedia(media: whole.media), bytes: other, world: world)

            // Check: a whole file's MD5 (its one part's ETag) finds the media; a part alone, no media; unknown, nothing.
            let third = png(width: 3, height: 3, size: 2_000, seed: 12)
            let checked = try await client.startUpload(filename: "check.png", size: third.count, contentType: "image/png")
            let onePart = try await client.uploadPart(uploadID: checked.id, number: 1, data: third)
            let checkedMedia = try await client.completeUpload(uploadID: checked.id)
            let found = try await client.checkUpload(etag: onePart.etag, size: third.count)
            #expect(found.exists && found.media == checkedMedia.media)
            #expect(try await client.checkUpload(etag: "\"\(onePart.etag.uppercased())\"", size: third.count).media == checkedMedia.media, "quoted, any case")
            let part = try await client.checkUpload(etag: first.etag, size: 1_000)
            #expect(part.exists && part.media == nil, "a part arrived, not a file")
            let unknown = try await client.checkUpload(etag: String(repeating: "0", count: 32), size: 3_000)
            #expect(!unknown.exists && unknown.media == nil)
            #expect(try await client.checkUpload(etag: onePart.etag, size: third.count + 1).exists == false, "the size counts too")
        }
    }

    @Test(arguments: StorageBackend.available) func uploadsDocumentedErrors(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let file = png(width: 2, height: 3, size: 3_000, seed: 13)
            func expectBadRequest(_ field: String, _ call: @Sendable () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
                let error = await #expect(throws: FanoutClientError.self, sourceLocation: sourceLocation) { try await call() }
                #expect(error?.status == .badRequest && error?.code == "BAD_REQUEST" && error?.field == field,
                        "\(String(describing: error))", sourceLocation: sourceLocation)
            }
            func expectNotFound(_ call: @Sendable () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
                let error = await #expect(throws: FanoutClientError.self, sourceLocation: sourceLocation) { try await call() }
                #expect(error?.status == .notFound && error?.code == "RESOURCE_NOT_FOUND", sourceLocation: sourceLocation)
            }

            await expectBadRequest("size") { _ = try await client.startUpload(filename: "a.png", size: 0, contentType: "image/png") }
            await expectBadRequest("size") { _ = try await client.startUpload(filename: "a.png", size: (1 << 20) + 1, contentType: "image/png") }
            await expectBadRequest("contentType") { _ = try await client.startUpload(filename: "a.txt", size: 10, contentType: "text/plain") }
            await expectBadRequest("filename") { _ = try await client.startUpload(filename: "", size: 10, contentType: "image/png") }
            await expectBadRequest("size") { _ = try await client.upload(Data(), filename: "empty.png", contentType: "image/png") }
            await expectBadRequest("size") { _ = try await client.upload(Data(count: (1 << 20) + 1), filename: "big.png", contentType: "image/png") }

            let started = try await client.startUpload(filename: "e.png", size: file.count, contentType: "image/png")
            await expectBadRequest("partNumber") { _ = try await client.uploadPart(uploadID: started.id, number: 0, data: file) }
            await expectBadRequest("partNumber") { _ = try await client.uploadPart(uploadID: started.id, number: 10_001, data: file) }
            await expectBadRequest("size") { _ = try await client.uploadPart(uploadID: started.id, number: 1, data: file + [0]) }
            _ = try await client.uploadPart(uploadID: started.id, number: 2, data: file.dropFirst(1_000))
            await expectBadRequest("partNumber") { _ = try await client.completeUpload(uploadID: started.id) }
            _ = try await client.uploadPart(uploadID: started.id, number: 1, data: file.prefix(1_000))
            _ = try await client.completeUpload(uploadID: started.id)
            await expectBadRequest("mediaUploadId") { _ = try await client.uploadWhole(uploadID: started.id, data: file) }

            // Bytes that are not the declared kind: refused, and the upload is gone.
            let text = try await client.startUpload(filename: "t.png", size: 100, contentType: "image/png")
            await expectBadRequest("contentType") { _ = try await client.uploadWhole(uploadID: text.id, data: Data(repeating: 0x41, count: 100)) }
            await expectNotFound { _ = try await client.completeUpload(uploadID: text.id) }
            // Parts short of the declared size: refused, and the upload is gone.
            let short = try await client.startUpload(filename: "s.png", size: file.count + 10, contentType: "image/png")
            _ = try await client.uploadPart(uploadID: short.id, number: 1, data: file)
            await expectBadRequest("size") { _ = try await client.completeUpload(uploadID: short.id) }

            await expectNotFound { _ = try await client.uploadPart(uploadID: "mu_unknown", number: 1, data: file) }
            await expectNotFound { _ = try await client.uploadWhole(uploadID: "mu_unknown", data: file) }
            await expectNotFound { _ = try await client.completeUpload(uploadID: "mu_unknown") }
            await expectBadRequest("mediaUploadId") { _ = try await client.completeUpload(uploadID: "") }
            await expectBadRequest("etag") { _ = try await client.checkUpload(etag: "", size: 10) }
            await expectBadRequest("size") { _ = try await client.checkUpload(etag: "abc", size: 0) }

            // A file that is not there: the file system's error, before any request.
            let before = world.transport.exchanges.count
            await #expect(throws: (any Error).self) {
                _ = try await client.upload(fileAt: URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).png"), contentType: "image/png")
            }
            #expect(world.transport.exchanges.count == before)

            // Another creator's upload is not found; a connection without vault:write may not upload.
            await expectNotFound { _ = try await world.client(connection: 1).completeUpload(uploadID: started.id) }
            let open = try await client.startUpload(filename: "o.png", size: file.count, contentType: "image/png")
            await expectNotFound { _ = try await world.client(organization: 1).uploadWhole(uploadID: open.id, data: file) }
            await expectNotFound { _ = try await world.client(connection: 1).uploadPart(uploadID: open.id, number: 1, data: file) }
            #expect(try await client.uploadWhole(uploadID: open.id, data: file).media.full?.size == file.count, "still open for its creator")
            let noVault = world.client(connection: 2)
            let forbidden = await #expect(throws: FanoutClientError.self) {
                _ = try await noVault.upload(file, filename: "r.png", contentType: "image/png")
            }
            #expect(forbidden?.status == .forbidden && forbidden?.message.contains("vault:write") == true)
        }
    }
}

/// A PNG of `width`×`height` as far as its header says, `size` bytes in
/// all, the rest bytes from `seed`.
func png(width: UInt16, height: UInt16, size: Int, seed: Int) -> Data {
    let header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, UInt8(width >> 8), UInt8(width & 0xFF), 0, 0, UInt8(height >> 8), UInt8(height & 0xFF), 8, 2, 0, 0, 0, 0, 0, 0, 0]
    var bytes = Data(header)
    bytes.append(contentsOf: (0..<(size - header.count)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed &* 7) })
    return bytes
}

/// `bytes` in a new temporary file.
func temporaryFile(_ bytes: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-upload-\(UUID().uuidString).png")
    try bytes.write(to: url)
    return url
}

/// What an upload's progress handler was told, in order.
final class ProgressLog: Sendable {
    let log = Mutex<[FanoutClient.UploadProgress]>([])
    var reports: [FanoutClient.UploadProgress] { log.withLock { $0 } }
    var record: FanoutClient.UploadProgressHandler { { report in self.log.withLock { $0.append(report) } } }
}

/// The uploaded media is the vault's newest, equal to what the vault lists,
/// and its file (by its URL's path, on this server) holds `bytes`.
func expectListedAndDownloadable(
    _ uploaded: FanoutClient.VaultMedia, bytes: Data, world: ClientWorld, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let client = world.client()
    let listed = try await client.vaultMediaPage(limit: 100).items.first { $0.id == uploaded.id }
    #expect(listed == uploaded, "what vault/media lists", sourceLocation: sourceLocation)
    let url = try #require(uploaded.media.full?.url, sourceLocation: sourceLocation)
    #expect(url.path == "/media/\(uploaded.id)", sourceLocation: sourceLocation)
    let (status, downloaded) = try await world.download(url.path)
    #expect(status == 200 && downloaded == bytes, "\(status), \(downloaded.count) bytes of \(bytes.count)", sourceLocation: sourceLocation)
}

extension ClientWorld {
    /// The raw bytes of a GET on this server, as the owner's connection.
    func download(_ path: String) async throws -> (status: Int, body: Data) {
        let org = credentials.organizations[0]
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.setValue(org.apiKey, forHTTPHeaderField: "apiKey")
        request.setValue(org.connections[0].id, forHTTPHeaderField: "x-connection-id")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The owner's client, with init's part advice replaced (nil: left out).
    func advisedClient(partSize: String?, totalParts: String?) -> FanoutClient {
        let org = credentials.organizations[0]
        return FanoutClient(
            configuration: .init(baseURL: baseURL, apiKey: org.apiKey, connectionID: org.connections[0].id, retryPolicy: .init(baseDelay: .milliseconds(20))),
            transport: AdvisingTransport(base: transport, partSize: partSize, totalParts: totalParts))
    }
}

/// Replaces the part size and count an upload's init answers.
struct AdvisingTransport: ClientTransport {
    let base: any ClientTransport
    let partSize: String?
    let totalParts: String?

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
        if operationID == "initUpload", response.status == .ok {
            response.headerFields[HTTPField.Name("x-ofauth-upload-part-size")!] = partSize
            response.headerFields[HTTPField.Name("x-ofauth-upload-total-parts")!] = totalParts
        }
        return (response, responseBody)
    }
}
