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

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields) async throws -> APIResponse {
        try await client.execute(uri: uri, method: method, headers: headers) { response in
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
