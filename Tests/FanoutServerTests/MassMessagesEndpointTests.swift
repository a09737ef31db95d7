import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

@Suite struct MassMessagesEndpointTests {
    typealias List = Components.Schemas.QueueItemList

    /// Every mass message of `caller`, walking pages of `limit` by offset.
    static func walk(_ api: APIClient, _ caller: Caller, query: String = "", limit: Int) async throws -> [Components.Schemas.QueueItem] {
        var items: [Components.Schemas.QueueItem] = []
        while true {
            let page = try await api.get("/v2/access/mass-messages?limit=\(limit)&offset=\(items.count)\(query)", as: caller).decode(List.self)
            items += page.list
            if !page.hasMore { return items }
            #expect(page.list.count == limit)
        }
    }

    @Test(arguments: StorageBackend.available) func defaultPageIsTenNewestFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let page = try await api.get("/v2/access/mass-messages", as: world.owner).decode(List.self)
                #expect(page.list.count == 10)
                #expect(page.hasMore)
                let ids = page.list.map(\.value1.id)
                #expect(ids == ids.sorted(by: >))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func offsetWalkReturnsEachMassMessageOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let byThree = try await Self.walk(api, world.owner, limit: 3).map(\.value1.id)
                let all = try await api.get("/v2/access/mass-messages?limit=20", as: world.owner).decode(List.self)
                #expect(!all.hasMore)
                #expect(byThree == all.list.map(\.value1.id))
                #expect(Set(byThree).count == byThree.count)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func typeFiltersPartitionTheList(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await Self.walk(api, world.owner, limit: 20)
                var seen: [Int] = []
                for type in ["sent", "unsent", "scheduled"] {
                    let part = try await Self.walk(api, world.owner, query: "&type=\(type)", limit: 20)
                    #expect(!part.isEmpty, "type=\(type) is empty in the demo")
                    for item in part {
                        switch type {
                        case "sent": #expect(item.value2.isCanceled == false && item.value2.sentCount! > 0)
                        case "scheduled":
                            #expect(item.value2.sentCount == 0 && item.value2.isCanceled == false)
                            let date = try Date(item.value2.date!, strategy: .iso8601)
                            #expect(date > TestWorld.anchor, "a scheduled mass message is dated ahead")
                        default: #expect(item.value2.isCanceled == true || item.value2.canUnsend == false)
                        }
                    }
                    seen += part.map(\.value1.id)
                }
                #expect(seen.sorted() == all.map(\.value1.id).sorted())
                let unsent = try await Self.walk(api, world.owner, query: "&type=unsent", limit: 20)
                #expect(unsent.contains { $0.value2.isCanceled == true })
                #expect(unsent.contains { $0.value2.isCanceled == false })
            }
        }
    }

    @Test(arguments: StorageBackend.available) func itemsCarryStatisticsAndQuirks(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await Self.walk(api, world.owner, limit: 20)
                let paid = try #require(all.first { $0.value2.price != "0" && $0.value2.purchasedCount! > 0 })
                #expect(paid.value1.isFree == false)
                #expect(Double(paid.value2.price!)! > 0)
                #expect(paid.value2.canSendMessageToBuyers == true)
                #expect(paid.value1.fromUser.value1?.id == Int(world.owner.creatorID))
                #expect(paid.value1.fromUser.value1?.name.isEmpty == false)
                #expect(paid.value1.queueId == paid.value1.id)
                #expect(paid.value2.viewedCount! <= paid.value2.sentCount!)
                #expect(paid.value2.purchasedCount! <= paid.value2.viewedCount!)
                let counts = paid.value2.mediaTypes!
                #expect(counts.photo + counts.video + counts.gif + counts.audio == paid.value1.media.count)
                #expect(Set(paid.value1.previews).isSubset(of: Set(paid.value1.media.map(\.id))))
                let free = try #require(all.first { $0.value2.price == "0" })
                #expect(free.value1.isFree == true)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func getOfAnotherConnectionsMassMessageIs404(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let mine = try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).decode(List.self).list[0]
                for caller in [world.secondCreator, world.otherTenant] {
                    let response = try await api.get("/v2/access/mass-messages/\(mine.value1.id)", as: caller)
                    #expect(response.status == .notFound)
                    #expect(try response.error._type == "RESOURCE_NOT_FOUND")
                }
                #expect(try await api.get("/v2/access/mass-messages/999999999", as: world.owner).status == .notFound)
                #expect(try await api.get("/v2/access/mass-messages/99999999999999999999999", as: world.owner).status == .notFound)
            }
        }
    }

    /// The official SDK's `list_scheduleds` path: the `type=scheduled` list,
    /// not a mass message whose id is "scheduled".
    @Test(arguments: StorageBackend.available) func theScheduledPathListsWhatTypeScheduledLists(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let viaType = try await api.get("/v2/access/mass-messages?type=scheduled&limit=20", as: world.owner).object
                let viaPath = try await api.get("/v2/access/mass-messages/scheduled?limit=20", as: world.owner)
                #expect(viaPath.status == .ok)
                let ids = { (body: [String: Any]) in (body["list"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } }
                let listed = try #require(ids(try viaPath.object))
                #expect(!listed.isEmpty && listed == ids(viaType), "the demo's scheduled ones, newest first")
                let tooMany = try await api.get("/v2/access/mass-messages/scheduled?limit=21", as: world.owner)
                let field = try tooMany.error.details?.field
                #expect(tooMany.status == .badRequest && field == "limit")
                let wrongMethod = try await api.send("/v2/access/mass-messages/scheduled", method: .options, headers: world.owner.headers)
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow] == "GET, HEAD", "its own methods, not those of /{massMessageId}")
                let stranger = try await api.get("/v2/access/mass-messages/scheduled", as: nil)
                #expect(stranger.status == .unauthorized)
            }
        }
    }
}
