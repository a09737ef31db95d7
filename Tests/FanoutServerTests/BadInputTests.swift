import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

/// Bad input of any kind is a 400 naming the parameter, never a 500.
@Suite struct BadInputTests {
    static let cases: [(path: String, field: String)] = [
        ("/v2/access/mass-messages?limit=abc", "limit"),
        ("/v2/access/mass-messages?limit=0", "limit"),
        ("/v2/access/mass-messages?limit=21", "limit"),
        ("/v2/access/mass-messages?limit=1e3", "limit"),
        ("/v2/access/mass-messages?limit=2.5", "limit"),
        ("/v2/access/mass-messages?offset=-1", "offset"),
        ("/v2/access/mass-messages?limit=99999999999999999999999", "limit"),
        ("/v2/access/mass-messages?offset=-99999999999999999999999", "offset"),
        ("/v2/access/mass-messages?type=drafts", "type"),
        ("/v2/access/mass-messages/12a", "massMessageId"),
        ("/v2/access/chats?limit=21", "limit"),
        ("/v2/access/chats?order=newest", "order"),
        ("/v2/access/chats?filter=vip", "filter"),
        ("/v2/access/chats?query=" + String(repeating: "a", count: 101), "query"),
        ("/v2/access/chats?userListId=abc", "userListId"),
        ("/v2/access/chats?userListId=-1", "userListId"),
        ("/v2/access/chats/1/media?skip_users=some", "skip_users"),
        ("/v2/access/chats/12a/messages", "userId"),
        ("/v2/access/chats/1/messages?limit=11", "limit"),
        ("/v2/access/chats/1/messages?limit=0", "limit"),
        ("/v2/access/chats/1/messages?offset=-1", "offset"),
        ("/v2/access/chats/1/messages?query=" + String(repeating: "x", count: 101), "query"),
        ("/v2/access/chats/1/messages?last_id=abc", "last_id"),
        ("/v2/access/chats/1/messages?first_id=-5", "first_id"),
        ("/v2/access/chats/1/messages?include_users=maybe", "include_users"),
        ("/v2/access/analytics/mass-messages/purchased?limit=101", "limit"),
        ("/v2/access/analytics/mass-messages/purchased?limit=0", "limit"),
        ("/v2/access/analytics/mass-messages/purchased?offset=-1", "offset"),
        ("/v2/access/analytics/mass-messages/purchased?offset=", "offset"),
        ("/v2/access/analytics/mass-messages/1/buyers?marker=0", "marker"),
    ]

    @Test(arguments: cases)
    func badParameterIsA400NamingIt(path: String, field: String) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let response = try await api.get(path, as: world.owner)
                #expect(response.status == .badRequest, "\(path)")
                let error = try response.error
                #expect(error._type == "BAD_REQUEST")
                #expect(error.code == "BAD_REQUEST")
                #expect(error.details?.field == field)
                #expect(error.message.contains(field))
                #expect(error.error == error.message)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anOffsetBeyondEveryRowIsAnEmptyPage(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                for path in ["/v2/access/mass-messages", "/v2/access/chats", "/v2/access/analytics/mass-messages/purchased"] {
                    let response = try await api.get("\(path)?offset=55114468591071435949223182336", as: world.owner)
                    #expect(response.status == .ok, "\(path)")
                    let body = try response.object
                    #expect(((body["list"] ?? body["items"]) as? [Any])?.isEmpty == true)
                    #expect(body["hasMore"] as? Bool == false)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func queryOfExactly100CharactersIsAccepted(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let query = String(repeating: "a", count: 100)
                let response = try await api.get("/v2/access/chats?query=\(query)", as: world.owner)
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unknownPathIsRouteNotFoundAndWrongMethodIs405(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let unknown = try await api.get("/v2/access/nothing-here", as: world.owner)
                #expect(unknown.status == .notFound)
                #expect(try unknown.error._type == "ROUTE_NOT_FOUND")
                let wrongMethod = try await api.send("/v2/access/chats", method: .patch, headers: world.owner.headers)
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow]?.contains("GET") == true)
            }
        }
    }

    /// PostgreSQL's text cannot hold NUL, so no stored text has one: a search
    /// with one finds nothing, and a text or name with one is a 400 naming
    /// it, on every backend alike, never a 500.
    @Test(arguments: StorageBackend.available) func nulCharactersFindNothingAndAreNotStored(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try #require(try await api.get("/v2/access/chats?limit=1", as: world.owner).object["list"] as? [[String: Any]])
                let fanID = try #require((fan.first?["withUser"] as? [String: Any])?["id"] as? Int)
                for path in ["/v2/access/chats?query=a%00b", "/v2/access/chats/\(fanID)/messages?query=%00", "/v2/access/users/lists?query=x%00"] {
                    let response = try await api.get(path, as: world.owner)
                    #expect(response.status == .ok, "\(path)")
                    #expect((try response.object["list"] as? [Any])?.isEmpty == true, "\(path)")
                }
                let noChat = try await api.get("/v2/access/chats/999999999/messages?query=%00", as: world.owner)
                #expect(noChat.status == .notFound, "a search that finds nothing still says the chat does not exist")
                let writes: [(String, [String: Any], String)] = [
                    ("/v2/access/chats/\(fanID)/messages", ["text": "a\u{0}b"], "text"),
                    ("/v2/access/mass-messages", ["text": "\u{0}"], "text"),
                    ("/v2/access/users/lists", ["name": "list\u{0}"], "name"),
                ]
                for (path, body, field) in writes {
                    let response = try await api.send(path, method: .post, as: world.owner, json: body)
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(try response.error.details?.field == field, "\(path)")
                }
            }
        }
    }
}
