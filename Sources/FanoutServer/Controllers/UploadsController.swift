import FanoutAPI
import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationCompat

/// `/v2/access/uploads`: files into the vault, whole or in parts; and
/// `/media/:mediaId`, an uploaded file served to its creator's connections.
struct UploadsController {
    let service: UploadService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.post("uploads/init", use: start)
        group.post("uploads/check", use: check)
        group.post("uploads/complete", use: complete)
        group.put("uploads/:mediaUploadId/parts/:partNumber", use: part)
        group.put("uploads/:mediaUploadId", use: whole)
    }

    func registerFiles(on group: RouterGroup<FanoutRequestContext>) {
        group.get(":mediaId", use: file)
    }

    @Sendable func start(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let body = try await JSONBody(request)
        guard let filename = try body.string("filename") else { throw Self.missing("filename", "1 to 255 characters") }
        // The official SDK's `upload_media` sends `filesize` and `mimeType`; both spellings are taken.
        guard let size = try Self.either(body.integer("size", minimum: 1), body.integer("filesize", minimum: 1), "size", "filesize")
        else { throw Self.missing("size", "bytes, at least 1 (or filesize)") }
        guard let contentType = try Self.either(body.string("contentType"), body.string("mimeType"), "contentType", "mimeType")
        else { throw Self.missing("contentType", "image/*, video/*, audio/* (or mimeType)") }
        _ = try body.object("vaultUpload")  // accepted and ignored: uploads go to the vault
        let upload = try await service.start(filename: filename, size: size, contentType: contentType, creatorID: connection.creatorID)
        var response = try JSONResponse.make(Components.Schemas.UploadStarted(mediaUploadId: upload.id))
        // How the SDK's helper cuts the file: one whole PUT when a single part.
        let plan = UploadService.partPlan(size: size)
        response.headers[Self.totalPartsHeader] = String(plan.parts)
        response.headers[Self.partSizeHeader] = String(plan.partSize)
        return response
    }

    static let totalPartsHeader = HTTPField.Name("x-ofauth-upload-total-parts")!
    static let partSizeHeader = HTTPField.Name("x-ofauth-upload-part-size")!

    /// One of two spellings of a field; both sent must agree.
    static func either<Value: Equatable>(_ first: Value?, _ second: Value?, _ firstName: String, _ secondName: String) throws -> Value? {
        if let first, let second, first != second {
            throw FanoutError.badRequest("\(firstName) and \(secondName) differ: send one of them", field: secondName)
        }
        return first ?? second
    }

    @Sendable func part(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let parameters = RequestParameters(request, context: context)
        let id = try Self.uploadID(parameters)
        let number = try parameters.pathInteger("partNumber")
        let upload = try await service.openUpload(id: id, creatorID: connection.creatorID)
        let part = try await service.receivePart(
            upload, number: number, length: Self.contentLength(request), chunks: request.body.map(\.readableBytesView))
        var response = try JSONResponse.make(Components.Schemas.UploadPartReceived(mediaUploadId: id, partNumber: number, etag: part.etag))
        response.headers[.eTag] = "\"\(part.etag)\""
        return response
    }

    @Sendable func whole(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let id = try Self.uploadID(RequestParameters(request, context: context))
        let upload = try await service.openUpload(id: id, creatorID: connection.creatorID)
        let media = try await service.receiveWhole(
            upload, length: Self.contentLength(request), chunks: request.body.map(\.readableBytesView))
        return try JSONResponse.make(Components.Schemas.UploadCompleted(mediaUploadId: id, media: mapper.media(media)))
    }

    @Sendable func complete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        guard let id = try await JSONBody(request).string("mediaUploadId"), !id.isEmpty else {
            throw Self.missing("mediaUploadId", "the id init answered")
        }
        let media = try await service.complete(id: id, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.UploadCompleted(mediaUploadId: id, media: mapper.media(media)))
    }

    @Sendable func check(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let body = try await JSONBody(request)
        guard let etag = try body.string("etag") else { throw Self.missing("etag", "the ETag a part or upload answered") }
        guard let size = try body.integer("size", minimum: 1) else { throw Self.missing("size", "bytes, at least 1") }
        let found = try await service.check(etag: etag, size: size, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.UploadCheck(exists: found.found, media: found.media.map(mapper.media)))
    }

    /// The file itself, with its real content type, to a connection of its creator.
    @Sendable func file(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultRead)
        let mediaID = try RequestParameters(request, context: context).pathID("mediaId")
        let file = try await service.file(mediaID: mediaID, creatorID: connection.creatorID)
        let body = try await FileIO().loadFile(path: file.path, context: context)
        return Response(
            status: .ok, headers: [.contentType: file.contentType, .cacheControl: "private, max-age=86400"], body: body)
    }

    static func uploadID(_ parameters: RequestParameters) throws -> String {
        let id = try parameters.pathText("mediaUploadId")
        guard (1...100).contains(id.utf8.count), id.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (48...57).contains($0)
            || (65...90).contains($0) || (97...122).contains($0) }) else {
            throw FanoutError.badRequest("Invalid mediaUploadId '\(id.prefix(40))'", field: "mediaUploadId", allowed: "^[A-Za-z0-9_]+$")
        }
        return id
    }

    /// The body's announced length: the room its part reserves (nil when
    /// chunked; a value that is not a byte count is left to the framing).
    static func contentLength(_ request: Request) -> Int? {
        request.headers[.contentLength].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    static func missing(_ field: String, _ allowed: String) -> FanoutError {
        .badRequest("The body needs \(field)", field: field, allowed: allowed)
    }
}
