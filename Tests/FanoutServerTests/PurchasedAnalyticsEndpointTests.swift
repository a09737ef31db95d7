import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

@Suite struct PurchasedAnalyticsEndpointTests {
    typealias Page = Components.Schemas.PurchasedItemList

    @Test(arguments: StorageBackend.available) func listsExactlyTheMassMessagesWithPurchasesNewestFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await MassMessagesEndpointTests.walk(api, world.owner, limit: 20)
                let expected = all.filter { $0.value2.purchasedCount! > 0 }
                let page = try await api.get("/v2/access/analytics/mass-messages/purchased", as: world.owner).decode(Page.self)
                #expect(page.items.map(\.id) == expected.map(\.value1.id).prefix(20).map { $0 })
                for item in page.items {
                    let queue = try #require(expected.first { $0.value1.id == item.id })
                    #expect(item.purchasedCount == queue.value2.purchasedCount)
                    #expect(item.sentCount == queue.value2.sentCount)
                    #expect(item.price == queue.value2.price)
                    #expect(item.previews.map(\.id) == queue.value1.previews)
                    #expect(item.rawText == queue.value1.text)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func pagesByOffsetCoverEveryItemOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let whole = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner).decode(Page.self)
                #expect(!whole.hasMore)
                var walked: [Int] = []
                while true {
                    let page = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=2&offset=\(walked.count)", as: world.owner).decode(Page.self)
                    walked += page.items.map(\.id)
                    if !page.hasMore { break }
                }
                #expect(walked == whole.items.map(\.id))
                #expect(try await api.get("/v2/access/analytics/mass-messages/purchased?offset=null", as: world.owner).status == .ok)
            }
        }
    }
}
