import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

@Suite struct VaultEndpointTests {
    typealias MediaPage = Components.Schemas.VaultMediaPage
    typealias VaultList = Components.Schemas.VaultList

    /// Every item of the caller's vault, walking `nextOffset`.
    static func all(_ api: APIClient, _ caller: Caller, path: String = "/v2/access/vault/media", query: String = "") async throws
        -> [Components.Schemas.VaultMedia] {
        var result: [Components.Schemas.VaultMedia] = []
        while true {
            let page = try await api.get("\(path)?limit=7&offset=\(result.count)\(query)", as: caller).decode(MediaPage.self)
            result += page.list
            guard page.hasMore else { return result }
            #expect(page.nextOffset == result.count)
        }
    }

    @Test(arguments: StorageBackend.available) func theDemoVaultHoldsTheMediaMessagesCarry(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let vault = try await Self.all(api, world.owner)
                let ids = vault.map(\.value1.id)
                #expect(!ids.isEmpty && ids == ids.sorted(by: >), "newest first")
                #expect(Set(ids).count == ids.count)
                var carried = Set<Int>()
                for chat in try await ChatsEndpointTests.all(api, world.owner).prefix(8) {
                    let page = try await api.get("/v2/access/chats/\(chat.withUser.id)/messages?limit=10", as: world.owner)
                        .decode(Components.Schemas.MessageList.self)
                    for message in page.list { carried.formUnion(message.value1.media.map(\.id)) }
                }
                #expect(!carried.isEmpty && carried.isSubset(of: Set(ids)), "messages carry vault media")
                let other = Set(try await Self.all(api, world.otherTenant).map(\.value1.id))
                #expect(other.isDisjoint(with: Set(ids)), "one creator never sees another's vault")

                let oldest = try await Self.all(api, world.owner, query: "&sortBy=recent&sortDirection=asc").map(\.value1.id)
                #expect(oldest == ids.reversed())
                let photos = try await Self.all(api, world.owner, query: "&mediaType=photo")
                #expect(!photos.isEmpty && photos.allSatisfy { $0.value1._type == .photo })
                let earning = try await Self.all(api, world.owner, query: "&sort=highest_tips").map(\.value2.counters.tipsSumm)
                #expect(earning == earning.sorted(by: >) && earning.first ?? 0 > 0, "the demo's bought mass messages earned")

                #expect(try await api.get("/v2/access/vault/media?sort=best", as: world.owner).error.details?.field == "sort")
                let shadowed = try await api.get("/v2/access/vault/media?type=photo&mediaType=bogus&sort=oldest&sortBy=best", as: world.owner)
                #expect(try shadowed.error.details?.field == "sortBy", "a parameter another one wins over is still checked")
                let kindShadowed = try await api.get("/v2/access/vault/media?type=photo&mediaType=bogus", as: world.owner)
                #expect(try kindShadowed.error.details?.field == "mediaType")
                #expect(try await api.get("/v2/access/vault/media?limit=101", as: world.owner).status == .badRequest)
                #expect(try await api.get("/v2/access/vault/media", as: world.readOnly).status == .forbidden)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func vaultListsSortMediaAllOrNothing(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let vault = try await Self.all(api, world.owner)
                let created = try await api.send("/v2/access/vault/lists", method: .post, as: world.owner, json: ["name": "Beach"])
                let beach = try created.decode(VaultList.self)
                #expect(beach.name == "Beach" && beach._type == .custom && !beach.hasMedia && beach.medias.isEmpty)
                let again = try await api.send("/v2/access/vault/lists", method: .post, as: world.owner, json: ["name": "Beach"])
                #expect(try again.error.details?.field == "name")

                let chosen = vault.prefix(3).map(\.value1)
                let added = try await api.send(
                    "/v2/access/vault/lists/\(beach.id)/media", method: .post, as: world.owner,
                    json: ["mediaIds": chosen.map(\.id) + [chosen[0].id]])
                let filled = try added.decode(Components.Schemas.VaultListMembershipResponse.self).list
                #expect(filled.hasMedia && filled.medias.count == 3)
                let counted = (filled.photosCount ?? 0) + (filled.videosCount ?? 0) + (filled.gifsCount ?? 0) + (filled.audiosCount ?? 0)
                #expect(counted == 3, "a repeated id counts once")

                let foreign = try await Self.all(api, world.otherTenant).first!.value1.id
                let refused = try await api.send(
                    "/v2/access/vault/lists/\(beach.id)/media", method: .post, as: world.owner, json: ["mediaIds": [vault[3].value1.id, foreign]])
                #expect(refused.status == .notFound)
                #expect(try refused.error.message.contains("\(foreign)"))
                let bad = try await api.send(
                    "/v2/access/vault/lists/\(beach.id)/media", method: .post, as: world.owner, json: ["mediaIds": ["x"]])
                #expect(try bad.error.details?.field == "mediaIds[0]")
                let none = try await api.send("/v2/access/vault/lists/\(beach.id)/media", method: .post, as: world.owner, json: ["mediaIds": []])
                #expect(try none.error.details?.field == "mediaIds")

                let inList = try await Self.all(api, world.owner, path: "/v2/access/vault/lists/\(beach.id)/media")
                #expect(Set(inList.map(\.value1.id)) == Set(chosen.map(\.id)), "nothing of the refused call landed")
                #expect(inList.allSatisfy { $0.value2.lists.map(\.name) == ["Beach"] })
                let filtered = try await Self.all(api, world.owner, query: "&listId=\(beach.id)")
                #expect(filtered.map(\.value1.id) == inList.map(\.value1.id))

                let page = try await api.get("/v2/access/vault/lists", as: world.owner).decode(Components.Schemas.VaultListPage.self)
                #expect(page.list.map(\.id) == [beach.id] && page.canCreateVaultLists)
                let total = page.all.photosCount + page.all.videosCount + page.all.gifsCount + page.all.audiosCount
                #expect(total == vault.count && page.all.medias.count == 3)

                #expect(try await api.get("/v2/access/vault/lists/\(beach.id)", as: world.otherTenant).status == .notFound)
                #expect(try await api.get("/v2/access/vault/lists/\(beach.id)/media", as: world.otherTenant).status == .notFound)
                let renamed = try await api.send("/v2/access/vault/lists/\(beach.id)", method: .patch, as: world.owner, json: ["name": "Summer"])
                #expect(try renamed.decode(VaultList.self).name == "Summer")
                #expect(try await api.delete("/v2/access/vault/lists/\(beach.id)", as: world.otherTenant).status == .notFound)
                #expect(try await api.delete("/v2/access/vault/lists/\(beach.id)", as: world.owner).status == .ok)
                #expect(try await api.get("/v2/access/vault/lists/\(beach.id)", as: world.owner).status == .notFound)
                #expect(try await Self.all(api, world.owner).count == vault.count, "deleting a list keeps its media")
            }
        }
    }
}
