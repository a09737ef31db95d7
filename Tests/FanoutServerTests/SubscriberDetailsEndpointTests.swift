import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// PUT /v2/access/subscribers/:userId/note, /custom-name, /discount.
@Suite struct SubscriberDetailsEndpointTests {
    @Test(arguments: StorageBackend.available) func theDetailsShowInTheSubscribersList(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await api.get("/v2/access/subscribers?limit=1", as: world.owner).decode(Components.Schemas.SubscriberPage.self).list[0]
                #expect(fan.displayName == "" && fan.subscription.discountPercent == 0)
                let base = "/v2/access/subscribers/\(fan.id)"
                for (path, body) in [("note", ["notice": "Loves the beach set"]), ("custom-name", ["displayName": "Beach fan"])] as [(String, [String: Any])] {
                    let response = try await api.send("\(base)/\(path)", method: .put, as: world.owner, json: body)
                    #expect(response.status == .ok, "\(path)")
                    #expect(try response.decode(Components.Schemas.SuccessResponse.self).success)
                }
                let discounted = try await api.send("\(base)/discount", method: .put, as: world.owner, json: ["discount": 30, "period": 3])
                #expect(discounted.status == .ok)

                let user = try await api.get("/v2/access/users/\(fan.id)", as: world.owner).decode(Components.Schemas.NotedUser.self)
                #expect(user.value1.id == fan.id && user.value2.notice == "Loves the beach set" && user.value2.displayName == "Beach fan")
                let seenByOther = try await api.get("/v2/access/users/\(fan.id)", as: world.secondCreator)
                if seenByOther.status == .ok {
                    #expect(try seenByOther.decode(Components.Schemas.NotedUser.self).value2.notice != "Loves the beach set", "the note is the first creator's")
                }
                let listed = try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers").first { $0.id == fan.id }
                #expect(listed?.displayName == "Beach fan")
                #expect(listed?.subscription.discountPercent == 30 && listed?.subscription.discountPeriod == 3)
                let now = Timestamp.string(world.clock.now())
                #expect(listed?.subscription.discountStartedAt == now)
                #expect(listed?.subscription.discountFinishedAt == Timestamp.string(world.clock.now().addingTimeInterval(3 * 30 * 86_400)))

                // The second creator keeps its own (none), and cannot write the first's.
                let theirs = try await SubscribersEndpointTests.all(api, world.secondCreator, "/v2/access/subscribers")
                #expect(!theirs.contains { $0.displayName == "Beach fan" })
                // Another tenant's creator: a 404 for a fan who is not its subscriber; for one who
                // is, its own name, which leaves this creator's as it was.
                let otherFans = Set(try await SubscribersEndpointTests.all(api, world.otherTenant, "/v2/access/subscribers").map(\.id))
                let mine = try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers")
                let stranger = try #require(mine.first { !otherFans.contains($0.id) })
                let refused = try await api.send(
                    "/v2/access/subscribers/\(stranger.id)/note", method: .put, as: world.otherTenant, json: ["notice": "mine now"])
                #expect(refused.status == .notFound, "not the other creator's subscriber")
                let crossing = try await api.send("\(base)/custom-name", method: .put, as: world.otherTenant, json: ["displayName": "Theirs"])
                #expect(crossing.status == (otherFans.contains(fan.id) ? .ok : .notFound))
                let still = try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers").first { $0.id == fan.id }
                #expect(still?.displayName == "Beach fan")
            }
        }
    }

    static var badBodies: [(path: String, body: Any, field: String)] { [
        ("note", ["notice": String(repeating: "n", count: 1_001)], "notice"),
        ("note", [String: Any](), "notice"),
        ("note", ["notice": 12], "notice"),
        ("custom-name", ["displayName": ""], "displayName"),
        ("custom-name", ["displayName": String(repeating: "d", count: 101)], "displayName"),
        ("custom-name", ["name": "x"], "displayName"),
        ("discount", ["discount": 4, "period": 1], "discount"),
        ("discount", ["discount": 61, "period": 1], "discount"),
        ("discount", ["discount": "ten", "period": 1], "discount"),
        ("discount", ["discount": 10, "period": 0], "period"),
        ("discount", ["discount": 10, "period": 13], "period"),
        ("discount", ["discount": 10], "period"),
        ("note", "not json", "body"),
    ] }

    @Test(arguments: StorageBackend.available) func badBodiesAre400sAndStrangersAre404s(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await api.get("/v2/access/subscribers?limit=1", as: world.owner).decode(Components.Schemas.SubscriberPage.self).list[0]
                for (path, body, field) in Self.badBodies {
                    let response = try await api.send("/v2/access/subscribers/\(fan.id)/\(path)", method: .put, as: world.owner, json: body)
                    #expect(response.status == .badRequest, "\(path) \(body)")
                    #expect(try response.error.details?.field == field, "\(path) \(body)")
                }
                for (path, body) in [("note", ["notice": "hi"]), ("custom-name", ["displayName": "X"]), ("discount", ["discount": 10, "period": 1])] as [(String, [String: Any])] {
                    let stranger = try await api.send("/v2/access/subscribers/999999999/\(path)", method: .put, as: world.owner, json: body)
                    #expect(stranger.status == .notFound, "\(path)")
                    let readOnly = try await api.send("/v2/access/subscribers/\(fan.id)/\(path)", method: .put, as: world.readOnly, json: body)
                    #expect(readOnly.status == .forbidden, "\(path)")
                }
            }
        }
    }
}
