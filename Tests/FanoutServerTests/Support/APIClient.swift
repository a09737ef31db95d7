import FanoutAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Requests through the router, answers as JSON or as generated wire types.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    func get(_ uri: String, as caller: Caller?) async throws -> APIResponse {
        try await send(uri, method: .get, headers: caller?.headers ?? [:])
    }

    func delete(_ uri: String, as caller: Caller?) async throws -> APIResponse {
        try await send(uri, method: .delete, headers: caller?.headers ?? [:])
    }

    /// A request with a JSON body (a dictionary, or raw text for malformed bodies).
    func send(_ uri: String, method: HTTPRequest.Method, as caller: Caller?, json: Any) async throws -> APIResponse {
        let data = try (json as? String).map { Data($0.utf8) } ?? JSONSerialization.data(withJSONObject: json)
        var headers = caller?.headers ?? [:]
        headers[.contentType] = "application/json"
        return try await send(uri, method: method, headers: headers, body: ByteBuffer(bytes: data))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer? = nil) async throws -> APIResponse {
        try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
        }
    }
}

struct APIResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: Data

    var object: [String: Any] {
        get throws { try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]) }
    }

    /// Decodes with the types generated from openapi.yaml: a body that breaks
    /// the contract (missing required field, wrong type) fails here.
    func decode<T: Decodable>(_: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: body)
    }

    var error: Components.Schemas._Error {
        get throws { try decode() }
    }
}
