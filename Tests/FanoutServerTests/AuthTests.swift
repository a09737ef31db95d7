import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import HTTPTypes
import Testing

@Suite struct AuthTests {
    static let endpoints = [
        "/v2/access/mass-messages", "/v2/access/mass-messages/1", "/v2/access/chats",
        "/v2/access/chats/1/messages", "/v2/access/analytics/mass-messages/purchased",
    ]

    @Test(arguments: endpoints)
    func missingOrInvalidKeyIsUnauthorized(path: String) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let missing = try await api.send(path, method: .get, headers: [HTTPField.Name("x-connection-id")!: world.owner.connectionID])
                #expect(missing.status == .unauthorized)
                #expect(try missing.error._type == "UNAUTHORIZED")
                var forged = world.owner
                forged.apiKey = String(forged.apiKey.dropLast()) + (forged.apiKey.hasSuffix("A") ? "B" : "A")
                let invalid = try await api.get(path, as: forged)
                #expect(invalid.status == .unauthorized)
                #expect(try invalid.error.code == "UNAUTHORIZED")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aRevokedKeyStopsWorkingWithinTheCacheTime(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, accessCache: AccessCache(ttl: .milliseconds(300))) { world in
            try await world.withClient { api in
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok)
                #expect(try await OperatorService(storage: world.dependencies.storage).revokeKey(world.owner.apiKey) == 1)
                // The server may take the key until its cache entry expires, then never again.
                try await Task.sleep(for: .milliseconds(400))
                let response = try await api.get("/v2/access/chats?limit=1", as: world.owner)
                #expect(response.status == .unauthorized)
                #expect(try response.error.code == "UNAUTHORIZED")
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.otherTenant).status == .ok, "other keys still work")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func keyHeaderNameIsCaseInsensitive(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                for name in ["apikey", "APIKEY", "ApiKey"] {
                    let response = try await api.send("/v2/access/chats", method: .get, headers: [
                        HTTPField.Name(name)!: world.owner.apiKey, HTTPField.Name("X-Connection-Id")!: world.owner.connectionID,
                    ])
                    #expect(response.status == .ok, "header \(name)")
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anotherOrganizationsConnectionLooksExactlyLikeAnUnknownOne(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                var foreign = world.owner
                foreign.connectionID = world.otherTenant.connectionID
                var unknown = world.owner
                unknown.connectionID = "conn_doesnotexist000000"
                var missing = world.owner.headers
                missing[HTTPField.Name("x-connection-id")!] = nil
                let answers = [
                    try await api.get("/v2/access/chats", as: foreign),
                    try await api.get("/v2/access/chats", as: unknown),
                    try await api.send("/v2/access/chats", method: .get, headers: missing),
                ]
                for answer in answers {
                    #expect(answer.status == .unauthorized)
                    var body = try answer.object
                    #expect(body["type"] as? String == "SESSION_NOT_PROVIDED")
                    body["requestId"] = nil
                    var first = try answers[0].object
                    first["requestId"] = nil
                    #expect(NSDictionary(dictionary: body) == NSDictionary(dictionary: first))
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func permissionsGateEachEndpoint(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                #expect(try await api.get("/v2/access/chats", as: world.readOnly).status == .ok)
                #expect(try await api.get("/v2/access/mass-messages", as: world.readOnly).status == .ok)
                let analytics = try await api.get("/v2/access/analytics/mass-messages/purchased", as: world.readOnly)
                #expect(analytics.status == .forbidden)
                #expect(try analytics.error._type == "FORBIDDEN")
                #expect(try analytics.error.message.contains("analytics:read"))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func everyResponseCarriesItsRequestID(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let ok = try await api.get("/v2/access/chats", as: world.owner)
                let failed = try await api.get("/v2/access/chats?limit=0", as: world.owner)
                let header = HTTPField.Name("x-request-id")!
                let okID = try #require(ok.headers[header])
                let failedID = try #require(failed.headers[header])
                #expect(okID.hasPrefix("req_") && okID != failedID)
                #expect(try failed.error.requestId == failedID)
            }
        }
    }
}
