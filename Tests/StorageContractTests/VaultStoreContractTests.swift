import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

@Suite struct VaultStoreContractTests {
    static let page = PageRequest(limit: 10, offset: 0)

    @Test(arguments: StorageBackend.available)
    func theVaultListsOnlyTheCreatorsMediaInTheAskedOrderWithCounters(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let recent = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page))
            #expect(recent.items.map(\.media.id) == [501, 500] && !recent.hasMore)
            let oldest = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page, sort: .oldest))
            #expect(oldest.items.map(\.media.id) == [500, 501])
            let earning = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page, sort: .highestTips))
            #expect(earning.items.map(\.media.id) == [500, 501], "500 earned 9.99: fan 11 bought mass message 0")
            #expect(earning.items.map(\.earned) == [Money(cents: 999), .zero])
            #expect(earning.items.allSatisfy { $0.likesCount == 0 && $0.lists.isEmpty })
            let videos = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page, kind: .video))
            #expect(videos.items.map(\.media.id) == [501])
            let paged = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: PageRequest(limit: 1, offset: 0)))
            #expect(paged.items.map(\.media.id) == [501] && paged.hasMore)
            let other = try await storage.vaultMedia(creatorID: 2, query: VaultMediaQuery(page: Self.page))
            #expect(other.items.map(\.media.id) == [502])
            let unnamed = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page, search: "jpg"))
            #expect(unnamed.items.isEmpty, "only uploads have a file name to search")

            let summary = try await storage.vaultSummary(creatorID: 1)
            #expect(summary.counts == MediaCounts(photos: 1, videos: 1) && summary.recentMedia.map(\.id) == [501, 500])
        }
    }

    @Test(arguments: StorageBackend.available)
    func aVaultListHoldsItsCreatorsMediaAndKeepsItsCounts(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let now = Scenario.now
            let beach = try #require(try await storage.createVaultList(name: "Beach", creatorID: 1, at: now))
            #expect(beach.counts == MediaCounts() && beach.recentMedia.isEmpty)
            #expect(try await storage.createVaultList(name: "Beach", creatorID: 1, at: now) == nil, "names are unique per creator")
            #expect(try await storage.createVaultList(name: "Beach", creatorID: 2, at: now) != nil, "another creator may use it")

            #expect(try await storage.addMediaToVaultList(listID: beach.id, mediaIDs: [500, 501], creatorID: 1, at: now) == nil)
            #expect(try await storage.addMediaToVaultList(listID: beach.id, mediaIDs: [500], creatorID: 1, at: now) == nil)
            #expect(try await storage.addMediaToVaultList(listID: beach.id, mediaIDs: [501, 502], creatorID: 1, at: now) == 502,
                    "another creator's media: nothing added")
            let filled = try #require(try await storage.vaultList(id: beach.id, creatorID: 1))
            #expect(filled.counts == MediaCounts(photos: 1, videos: 1), "each media counted once")
            #expect(Set(filled.recentMedia.map(\.id)) == [500, 501])
            #expect(try await storage.vaultList(id: beach.id, creatorID: 2) == nil)

            let inList = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page, listID: beach.id))
            #expect(inList.items.map(\.media.id) == [501, 500])
            #expect(inList.items.allSatisfy { $0.lists == [VaultListReference(id: beach.id, name: "Beach")] })
            let foreign = try await storage.vaultMedia(creatorID: 2, query: VaultMediaQuery(page: Self.page, listID: beach.id))
            #expect(foreign.items.isEmpty)

            let renamed = try await storage.renameVaultList(id: beach.id, creatorID: 1, to: "Summer")
            #expect(renamed?.name == "Summer" && renamed?.counts == filled.counts)
            _ = try await storage.createVaultList(name: "Winter", creatorID: 1, at: now)
            #expect(try await storage.renameVaultList(id: beach.id, creatorID: 1, to: "Winter") == nil)
            let lists = try await storage.vaultLists(creatorID: 1, page: Self.page, search: "summ")
            #expect(lists.items.map(\.id) == [beach.id])
            #expect(try await storage.vaultLists(creatorID: 1, page: Self.page, search: nil).items.map(\.name) == ["Winter", "Summer"])

            #expect(try await storage.deleteVaultList(id: beach.id, creatorID: 2) == false)
            #expect(try await storage.deleteVaultList(id: beach.id, creatorID: 1))
            let after = try await storage.vaultMedia(creatorID: 1, query: VaultMediaQuery(page: Self.page))
            #expect(after.items.map(\.media.id) == [501, 500] && after.items.allSatisfy { $0.lists.isEmpty }, "the media stay")
        }
    }
}
