import Foundation
import HTTPTypes
import Hummingbird

/// Encodes a wire value as the JSON body of a response.
enum JSONResponse {
    static let contentType: HTTPFields = [.contentType: "application/json; charset=utf-8"]

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: contentType, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A body already written as JSON bytes (the hot read pages).
    static func make(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: contentType, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
