import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

/// One organization's key never reads another's data, on any endpoint.
@Suite struct TenantIsolationTests {
    @Test(arguments: StorageBackend.available) func anotherTenantSeesNoneOfThisCreatorsData(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let mine = try await MassMessagesEndpointTests.walk(api, world.owner, limit: 20).map(\.value1.id)
                let theirs = try await MassMessagesEndpointTests.walk(api, world.otherTenant, limit: 20).map(\.value1.id)
                #expect(!mine.isEmpty && !theirs.isEmpty)
                #expect(Set(mine).isDisjoint(with: theirs))
                for id in mine {
                    #expect(try await api.get("/v2/access/mass-messages/\(id)", as: world.otherTenant).status == .notFound)
                    #expect(try await api.delete("/v2/access/mass-messages/\(id)", as: world.otherTenant).status == .notFound)
                }
                let myChats = try await ChatsEndpointTests.all(api, world.owner)
                let theirFans = Set(try await ChatsEndpointTests.all(api, world.otherTenant).map(\.withUser.id))
                for chat in myChats where !theirFans.contains(chat.withUser.id) {
                    #expect(try await api.get("/v2/access/chats/\(chat.withUser.id)/messages", as: world.otherTenant).status == .notFound)
                }
                let myPurchased = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self).items.map(\.id)
                let theirPurchased = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.otherTenant)
                    .decode(Components.Schemas.PurchasedItemList.self).items.map(\.id)
                #expect(Set(myPurchased).isDisjoint(with: theirPurchased))
                #expect(Set(myPurchased).isSubset(of: mine))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aFanSubscribedToTwoCreatorsHasSeparateChats(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let first = Set(try await ChatsEndpointTests.all(api, world.owner).map(\.withUser.id))
                let second = try await ChatsEndpointTests.all(api, world.secondCreator).map(\.withUser.id)
                let shared = try #require(second.first { first.contains($0) })
                let mine = try await ChatMessagesEndpointTests.walkByOffset(api, world.owner, userID: shared, limit: 10).map(\.value1.id)
                let theirs = try await ChatMessagesEndpointTests.walkByOffset(api, world.secondCreator, userID: shared, limit: 10).map(\.value1.id)
                #expect(Set(mine).isDisjoint(with: theirs))
            }
        }
    }
}
