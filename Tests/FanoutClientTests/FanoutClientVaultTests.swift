import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The vault methods of `FanoutClient`, against a real server.
@Suite struct FanoutClientVaultTests {
    @Test(arguments: StorageBackend.available) func vaultMediaWalksAsThePlainWalkWithTheWiresValues(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let walked = try await Array(client.vaultMedia(pageSize: 7))
            let plain = try await world.plainOffsetWalk("/v2/access/vault/media", limit: 7)
            try #require(plain.count > 7, "the demo vault spans pages")
            #expect(walked.map(\.id) == plain.map { $0["id"] as? Int })
            for (item, wire) in zip(walked, plain) { try expectVaultMedia(item, equals: wire) }

            // Sort and kind filters reach the server as its own walk with them.
            let oldestPhotos = try await Array(client.vaultMedia(sort: .oldest, kind: .photo, pageSize: 5))
            let plainOldestPhotos = try await world.plainOffsetWalk("/v2/access/vault/media?sort=oldest&type=photo", limit: 5)
            #expect(oldestPhotos.map(\.id) == plainOldestPhotos.map { $0["id"] as? Int })
            #expect(!oldestPhotos.isEmpty && oldestPhotos.allSatisfy { $0.media.kind == .photo })
            #expect(oldestPhotos.map(\.media.createdAt) == oldestPhotos.map(\.media.createdAt).sorted())
            let byTips = try await Array(client.vaultMedia(sort: .highestTips))
            #expect(byTips.map(\.tipsTotal) == byTips.map(\.tipsTotal).sorted(by: >))
            #expect(byTips.map(\.id) == (try await world.plainOffsetWalk("/v2/access/vault/media?sort=highest_tips", limit: 20)).map { $0["id"] as? Int })
            let byLikes = try await Array(client.vaultMedia(sort: .mostLiked, pageSize: 9)).map(\.id)
            #expect(byLikes == (try await world.plainOffsetWalk("/v2/access/vault/media?sort=most_liked", limit: 9)).map { $0["id"] as? Int })

            // One page: its items and where the next starts.
            let page = try await client.vaultMediaPage(limit: 3, offset: 2)
            #expect(page.items.map(\.id) == walked.dropFirst(2).prefix(3).map(\.id))
            #expect(page.next == .offset(5) && page.hasMore)
            let last = try await client.vaultMediaPage(limit: 3, offset: walked.count - 1)
            #expect(last.items.map(\.id) == [walked.last?.id] && !last.hasMore)

            let tooLarge = await #expect(throws: FanoutClientError.self) { try await client.vaultMediaPage(limit: 101) }
            #expect(tooLarge?.status == .badRequest && tooLarge?.field == "limit")
            let unknownList = try await client.vaultMediaPage(listID: 999_999_999)
            let plainUnknown = try await world.plain("GET", "/v2/access/vault/media?listId=999999999")
            #expect(unknownList.items.isEmpty && !unknownList.hasMore && (plainUnknown.json["list"] as? [Any])?.isEmpty == true, "\(plainUnknown)")
        }
    }

    @Test(arguments: StorageBackend.available) func vaultListsCreatedRenamedFilledWalkedAndDeleted(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let media = try await Array(client.vaultMedia().prefix(3))
            try #require(media.count == 3)

            let created = try await client.createVaultList(name: "Swift uploads")
            #expect(created.name == "Swift uploads" && !created.hasMedia && created.canUpdate && created.canDelete)
            #expect(created.counts == FanoutClient.VaultCounts(photos: 0, videos: 0, gifs: 0, audios: 0) && created.recentMedia.isEmpty)
            let renamed = try await client.renameVaultList(id: created.id, to: "From Swift")
            #expect(renamed.id == created.id && renamed.name == "From Swift")

            let filled = try await client.addVaultListMedia(listID: created.id, mediaIDs: media.map(\.id))
            #expect(filled.id == created.id && filled.hasMedia && filled.recentMedia.count == 3)
            let kinds = media.map(\.media.kind)
            #expect(filled.counts == FanoutClient.VaultCounts(
                photos: kinds.filter { $0 == .photo }.count, videos: kinds.filter { $0 == .video }.count,
                gifs: kinds.filter { $0 == .gif }.count, audios: kinds.filter { $0 == .audio }.count))
            let again = try await client.addVaultListMedia(listID: created.id, mediaIDs: [media[0].id])
            #expect(again.counts == filled.counts, "adding twice is harmless")

            let fetched = try await client.vaultList(id: created.id)
            #expect(fetched == filled)
            let (status, wire) = try await world.plain("GET", "/v2/access/vault/lists/\(created.id)")
            #expect(status == 200)
            try expectVaultList(fetched, equals: wire)

            // The list's media, walked two a page, as the plain walk; the vault's media name the list.
            let listed = try await Array(client.vaultListMedia(listID: created.id, pageSize: 2))
            let plainListed = try await world.plainOffsetWalk("/v2/access/vault/lists/\(created.id)/media", limit: 2)
            #expect(Set(listed.map(\.id)) == Set(media.map(\.id)))
            #expect(listed.map(\.id) == plainListed.map { $0["id"] as? Int })
            for (item, wire) in zip(listed, plainListed) { try expectVaultMedia(item, equals: wire) }
            #expect(listed.allSatisfy { $0.lists == [FanoutClient.VaultListReference(id: created.id, name: "From Swift")] })
            #expect(try await Array(client.vaultMedia(listID: created.id, pageSize: 2)).map(\.id) == listed.map(\.id))
            let photos = try await Array(client.vaultListMedia(listID: created.id, sort: .oldest, kind: .photo))
            #expect(photos.map(\.id) == (try await world.plainOffsetWalk(
                "/v2/access/vault/lists/\(created.id)/media?sort=oldest&type=photo", limit: 20)).map { $0["id"] as? Int })
            let onePage = try await client.vaultListMediaPage(listID: created.id, limit: 2)
            #expect(onePage.items.map(\.id) == Array(listed.prefix(2).map(\.id)) && onePage.next == .offset(2))

            // The lists, walked one a page, as the plain walk; a page carries the whole vault's counts.
            let second = try await client.createVaultList(name: "Second")
            let third = try await client.createVaultList(name: "Swift third")
            let lists = try await Array(client.vaultLists(pageSize: 1))
            let plainLists = try await world.plainOffsetWalk("/v2/access/vault/lists", limit: 1)
            #expect(lists.map(\.id) == plainLists.map { $0["id"] as? Int })
            #expect(Set(lists.map(\.id)).isSuperset(of: [created.id, second.id, third.id]))
            for (list, wire) in zip(lists, plainLists) { try expectVaultList(list, equals: wire) }
            #expect(try await Array(client.vaultLists(query: "swift")).map(\.id).sorted() == [created.id, third.id].sorted())
            let listsPage = try await client.vaultListsPage(limit: 2)
            let plainPage = try await world.plain("GET", "/v2/access/vault/lists?limit=2").json
            #expect(listsPage.items.map(\.id) == (plainPage["list"] as? [[String: Any]])?.map { $0["id"] as? Int })
            #expect(listsPage.hasMore && listsPage.next == .offset(2) && listsPage.canCreateLists == (plainPage["canCreateVaultLists"] as? Bool))
            let all = try #require(plainPage["all"] as? [String: Any])
            #expect(listsPage.all == FanoutClient.VaultCounts(
                photos: all["photosCount"] as? Int ?? -1, videos: all["videosCount"] as? Int ?? -1,
                gifs: all["gifsCount"] as? Int ?? -1, audios: all["audiosCount"] as? Int ?? -1))
            let allVault = try await Array(client.vaultMedia(pageSize: 100))
            #expect(listsPage.all.photos == allVault.filter { $0.media.kind == .photo }.count)
            #expect(listsPage.allRecentMedia.map(\.kind) == allVault.prefix(3).map(\.media.kind))

            // Deleted: gone, its media stay in the vault.
            try await client.deleteVaultList(id: created.id)
            let gone = await #expect(throws: FanoutClientError.self) { try await client.vaultList(id: created.id) }
            #expect(gone?.status == .notFound && gone?.code == "RESOURCE_NOT_FOUND")
            #expect(try await Array(client.vaultMedia(pageSize: 100)).map(\.id) == allVault.map(\.id))
        }
    }

    @Test(arguments: StorageBackend.available) func vaultListsDocumentedErrors(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let missing = 999_999_999
            let list = try await client.createVaultList(name: "Errors")
            let mediaID = try #require(try await client.vaultMediaPage(limit: 1).items.first).id

            let empty = await #expect(throws: FanoutClientError.self) { try await client.createVaultList(name: "") }
            #expect(empty?.status == .badRequest && empty?.field == "name")
            let long = await #expect(throws: FanoutClientError.self) { try await client.renameVaultList(id: list.id, to: String(repeating: "x", count: 101)) }
            #expect(long?.status == .badRequest && long?.field == "name")
            let duplicate = await #expect(throws: FanoutClientError.self) { try await client.createVaultList(name: "Errors") }
            #expect(duplicate?.status.map { (400..<500).contains($0.code) } == true, "names are unique per creator")

            func expectNotFound(_ name: String, _ call: @Sendable () async throws -> Void) async {
                let error = await #expect(throws: FanoutClientError.self, "\(name)") { try await call() }
                #expect(error?.status == .notFound && error?.code == "RESOURCE_NOT_FOUND", "\(name)")
            }
            await expectNotFound("get") { _ = try await client.vaultList(id: missing) }
            await expectNotFound("rename") { _ = try await client.renameVaultList(id: missing, to: "x") }
            await expectNotFound("delete") { try await client.deleteVaultList(id: missing) }
            await expectNotFound("media") { _ = try await client.vaultListMediaPage(listID: missing) }
            await expectNotFound("walk") { _ = try await Array(client.vaultListMedia(listID: missing)) }
            await expectNotFound("add") { _ = try await client.addVaultListMedia(listID: missing, mediaIDs: [mediaID]) }
            await expectNotFound("add unknown media") { _ = try await client.addVaultListMedia(listID: list.id, mediaIDs: [mediaID, missing]) }
            #expect(try await client.vaultList(id: list.id).hasMedia == false, "all or none: the known media was not added")
            let none = await #expect(throws: FanoutClientError.self) { try await client.addVaultListMedia(listID: list.id, mediaIDs: []) }
            #expect(none?.status == .badRequest && none?.field == "mediaIds")
            let tooMany = await #expect(throws: FanoutClientError.self) {
                try await client.addVaultListMedia(listID: list.id, mediaIDs: Array(repeating: mediaID, count: 101))
            }
            #expect(tooMany?.status == .badRequest && tooMany?.field == "mediaIds")

            // One key, one list: the same request again answers it; another body under that key is refused.
            let keyed = try await client.createVaultList(name: "Keyed", idempotencyKey: "vault-list-key")
            #expect(try await client.createVaultList(name: "Keyed", idempotencyKey: "vault-list-key") == keyed)
            let reused = await #expect(throws: FanoutClientError.self) { try await client.createVaultList(name: "Other", idempotencyKey: "vault-list-key") }
            #expect(reused?.status == .unprocessableContent)
            #expect(try await client.renameVaultList(id: keyed.id, to: "Keyed 2", idempotencyKey: "rename-key").name == "Keyed 2")
            try await client.deleteVaultList(id: keyed.id, idempotencyKey: "delete-key")
            try await client.deleteVaultList(id: keyed.id, idempotencyKey: "delete-key")  // the answer replayed, no 404

            // A connection without the vault permissions is refused; another creator's connection does not see the list.
            let noVault = world.client(connection: 2)
            let cannotRead = await #expect(throws: FanoutClientError.self) { try await noVault.vaultList(id: list.id) }
            #expect(cannotRead?.status == .forbidden && cannotRead?.message.contains("vault:read") == true)
            let cannotWalk = await #expect(throws: FanoutClientError.self) { try await Array(noVault.vaultMedia()) }
            #expect(cannotWalk?.status == .forbidden)
            let cannotCreate = await #expect(throws: FanoutClientError.self) { try await noVault.createVaultList(name: "Nope") }
            #expect(cannotCreate?.status == .forbidden && cannotCreate?.message.contains("vault:write") == true)
            let otherCreator = world.client(connection: 1)
            await expectNotFound("another creator's list") { _ = try await otherCreator.vaultList(id: list.id) }
            await expectNotFound("another creator's delete") { try await otherCreator.deleteVaultList(id: list.id) }
            #expect(try await client.vaultList(id: list.id).name == "Errors", "still there")
        }
    }
}

/// A vault media as the wire has it: its id, kind, date, counters (money
/// exact), lists and full file.
func expectVaultMedia(_ item: FanoutClient.VaultMedia, equals wire: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(item.id == wire["id"] as? Int, sourceLocation: sourceLocation)
    #expect(item.media.kind.rawValue == wire["type"] as? String, sourceLocation: sourceLocation)
    let createdAt = try #require(wire["createdAt"] as? String, sourceLocation: sourceLocation)
    #expect(item.media.createdAt == (try Date(createdAt, strategy: .iso8601)), sourceLocation: sourceLocation)
    #expect(item.media.isReady == wire["isReady"] as? Bool && item.media.hasError == wire["hasError"] as? Bool, sourceLocation: sourceLocation)
    let counters = try #require(wire["counters"] as? [String: Any], sourceLocation: sourceLocation)
    #expect(item.likesCount == counters["likesCount"] as? Int, sourceLocation: sourceLocation)
    let tips = try #require(counters["tipsSumm"] as? NSNumber, sourceLocation: sourceLocation)
    #expect(item.tipsTotal == Decimal(string: "\(tips.doubleValue)"), "\(tips)", sourceLocation: sourceLocation)
    #expect(item.hasPosts == wire["hasPosts"] as? Bool, sourceLocation: sourceLocation)
    let lists = try #require(wire["lists"] as? [[String: Any]], sourceLocation: sourceLocation)
    #expect(item.lists.map(\.id) == lists.map { $0["id"] as? Int } && item.lists.map(\.name) == lists.map { $0["name"] as? String }, sourceLocation: sourceLocation)
    let full = (wire["files"] as? [String: Any])?["full"] as? [String: Any]
    #expect(item.media.full?.url.absoluteString == full?["url"] as? String, sourceLocation: sourceLocation)
    #expect(item.media.full?.size == full?["size"] as? Int, sourceLocation: sourceLocation)
}

/// A vault list as the wire has it.
func expectVaultList(_ list: FanoutClient.VaultList, equals wire: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(list.id == wire["id"] as? Int && list.name == wire["name"] as? String, sourceLocation: sourceLocation)
    #expect(list.hasMedia == wire["hasMedia"] as? Bool, sourceLocation: sourceLocation)
    #expect(list.counts == FanoutClient.VaultCounts(
        photos: wire["photosCount"] as? Int ?? 0, videos: wire["videosCount"] as? Int ?? 0,
        gifs: wire["gifsCount"] as? Int ?? 0, audios: wire["audiosCount"] as? Int ?? 0), sourceLocation: sourceLocation)
    let previews = try #require(wire["medias"] as? [[String: Any]], sourceLocation: sourceLocation)
    #expect(list.recentMedia.map(\.kind.rawValue) == previews.map { $0["type"] as? String }, sourceLocation: sourceLocation)
    #expect(list.recentMedia.map { $0.url?.absoluteString } == previews.map { $0["url"] as? String }, sourceLocation: sourceLocation)
}
