import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

/// Every endpoint's answer carries every field its seed page shows.
@Suite struct SeedShapeTests {
    @Test(arguments: StorageBackend.available) func massMessageListHasEveryFieldOfTheSeed(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let response = try await api.get("/v2/access/mass-messages?limit=20", as: world.owner)
                #expect(response.status == .ok)
                _ = try response.decode(Components.Schemas.QueueItemList.self)
                let missing = SeedShape.missingFields(seed: try SeedShape.fixture("seed-mass-messages-list"), actual: try response.object)
                #expect(missing == [])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func massMessageGetHasEveryFieldOfTheSeed(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let list = try await api.get("/v2/access/mass-messages?limit=20", as: world.owner).decode(Components.Schemas.QueueItemList.self)
                let withMedia = try #require(list.list.first { !$0.value1.media.isEmpty && !$0.value1.previews.isEmpty })
                let response = try await api.get("/v2/access/mass-messages/\(withMedia.value1.id)", as: world.owner)
                #expect(response.status == .ok)
                let item = try response.decode(Components.Schemas.QueueItem.self)
                #expect(item == withMedia)
                let missing = SeedShape.missingFields(seed: try SeedShape.fixture("seed-mass-message-get"), actual: try response.object)
                #expect(missing == [])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func massMessageDeleteHasEveryFieldOfTheSeed(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let scheduled = try await api.get("/v2/access/mass-messages?type=scheduled", as: world.owner)
                    .decode(Components.Schemas.QueueItemList.self)
                let target = try #require(scheduled.list.first { !$0.value1.media.isEmpty })
                let response = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner)
                #expect(response.status == .ok)
                _ = try response.decode(Components.Schemas.DeleteMassMessageResponse.self)
                let missing = SeedShape.missingFields(seed: try SeedShape.fixture("seed-mass-message-delete"), actual: try response.object)
                #expect(missing == [])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func chatMessagesHaveEveryFieldOfTheSeed(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let chats = try await api.get("/v2/access/chats?limit=20", as: world.owner).decode(Components.Schemas.ChatList.self)
                var pages: [Any] = []
                for chat in chats.list.prefix(12) {
                    let response = try await api.get("/v2/access/chats/\(chat.withUser.id)/messages", as: world.owner)
                    #expect(response.status == .ok)
                    _ = try response.decode(Components.Schemas.MessageList.self)
                    pages += (try response.object["list"] as? [Any]) ?? []
                }
                let missing = SeedShape.missingFields(
                    seed: try SeedShape.fixture("seed-chat-messages"), actual: ["list": pages, "hasMore": false])
                #expect(missing == [])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func purchasedAnalyticsHaveEveryFieldOfTheSeed(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let response = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner)
                #expect(response.status == .ok)
                let page = try response.decode(Components.Schemas.PurchasedItemList.self)
                #expect(!page.items.isEmpty)
                let missing = SeedShape.missingFields(seed: try SeedShape.fixture("seed-analytics-purchased"), actual: try response.object)
                #expect(missing == [])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func servesItsContractAsJSON(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let response = try await api.get("/openapi.json", as: nil)
                #expect(response.status == .ok)
                let document = try response.object
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: Any])
                #expect(Set(paths.keys).isSuperset(of: [
                    "/v2/access/mass-messages", "/v2/access/mass-messages/{massMessageId}", "/v2/access/chats",
                    "/v2/access/chats/{userId}/messages", "/v2/access/analytics/mass-messages/purchased", "/health",
                ]))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func healthAnswersWithoutAuth(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let response = try await api.get("/health", as: nil)
                #expect(response.status == .ok)
                #expect(try response.decode(Components.Schemas.Health.self).status == "ok")
            }
        }
    }
}
