import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

/// Chart, sent and buyers: numbers that move with real events.
@Suite struct AnalyticsEndpointTests {
    typealias Chart = Components.Schemas.MassMessageChart
    static let today = DayRange.key(TestWorld.anchor)

    static func chart(_ api: APIClient, _ caller: Caller, from: String = today, to: String = today) async throws -> Chart {
        try await api.get("/v2/access/analytics/mass-messages/chart?startDate=\(from)&endDate=\(to)", as: caller).decode(Chart.self)
    }

    @Test(arguments: StorageBackend.available) func theChartCountsWhatHappenedEachDay(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                try await world.fanOut.drain()
                let before = try await Self.chart(api, world.owner)
                #expect(before.groupMessages.chart.map(\.date) == [Self.today])

                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                _ = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "hi"])
                let media = try await MassMessageLifecycleTests.mediaID(api, world.owner)
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Counted", "mediaItems": [media], "price": 3,
                ]).decode(Components.Schemas.MassMessageCreated.self)
                try await world.fanOut.drain()
                let delivery = try #require(try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner).first)
                let buyer = try #require(try await SandboxTests.recipient(of: delivery.value1.id, api: api, caller: world.owner))
                _ = try await api.send("/sandbox/fans/\(buyer)/messages/\(delivery.value1.id)/purchase", method: .post, headers: world.owner.headers)

                let after = try await Self.chart(api, world.owner)
                #expect(after.directMessages.total == before.directMessages.total + 1)
                #expect(after.groupMessages.total == before.groupMessages.total + created.total)
                #expect(after.groupMessagesPurchases.total == before.groupMessagesPurchases.total + 1)
                #expect(after.groupMessagesPurchases.gross == (before.groupMessagesPurchases.gross ?? 0) + 3)
                #expect(after.groupMessages.chart.first?.count == after.groupMessages.total)

                let yesterday = DayRange.key(TestWorld.anchor.addingTimeInterval(-86_400))
                let previous = try await Self.chart(api, world.owner, from: yesterday, to: yesterday)
                #expect(after.directMessages.delta == after.directMessages.total - previous.directMessages.total)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aMonthlyChartHasOnePointPerDay(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let month = try await api.get("/v2/access/analytics/mass-messages/chart", as: world.owner).decode(Chart.self)
                #expect(month.directMessages.chart.count == 30)
                #expect(month.directMessages.chart.last?.date == Self.today)
                #expect(month.directMessages.total == month.directMessages.chart.reduce(0) { $0 + $1.count })
                #expect(month.directMessages.total > 0, "the demo's creators wrote in the last 30 days")
                for (query, field) in [("startDate=2026-10-02&endDate=2026-10-01", "startDate"), ("startDate=2020-01-01&endDate=2026-01-01", "endDate"), ("endDate=soon", "endDate")] {
                    let bad = try await api.get("/v2/access/analytics/mass-messages/chart?\(query)", as: world.owner)
                    #expect(bad.status == .badRequest)
                    #expect(try bad.error.details?.field == field)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func sentListsTheRangesMassMessagesNewestFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "Now"])
                    .decode(Components.Schemas.MassMessageCreated.self)
                try await world.fanOut.drain()
                let today = try await api.get("/v2/access/analytics/mass-messages/sent?startDate=\(Self.today)&endDate=\(Self.today)", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self)
                #expect(today.items.first?.id == created.id)
                let ids = today.items.map(\.id)
                #expect(ids == ids.sorted(by: >))
                let longAgo = try await api.get("/v2/access/analytics/mass-messages/sent?startDate=2020-01-01&endDate=2020-01-31", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self)
                #expect(longAgo.items.isEmpty)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func buyersPageByMarkerEachOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let purchased = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self)
                let top = try #require(purchased.items.max { $0.purchasedCount < $1.purchasedCount })
                #expect(top.purchasedCount >= 2)
                var buyers: [Int] = []
                var marker = ""
                while true {
                    let page = try await api.get("/v2/access/analytics/mass-messages/\(top.id)/buyers?limit=1\(marker)", as: world.owner)
                        .decode(Components.Schemas.BuyerPage.self)
                    buyers += page.list.map(\.id)
                    #expect(page.marker == page.nextMarker, "the official SDK's iterator reads `marker`")
                    guard page.hasMore, let next = page.nextMarker else { break }
                    marker = "&marker=\(next)"
                }
                #expect(buyers.count == top.purchasedCount)
                #expect(Set(buyers).count == buyers.count)
                let byOffset = try await api.get("/v2/access/analytics/mass-messages/\(top.id)/buyers?limit=20", as: world.owner)
                    .decode(Components.Schemas.BuyerPage.self)
                #expect(byOffset.list.map(\.id) == Array(buyers.prefix(20)))
                #expect(try await api.get("/v2/access/analytics/mass-messages/\(top.id)/buyers", as: world.otherTenant).status == .notFound)
                #expect(try await api.get("/v2/access/analytics/mass-messages/\(top.id)/buyers?limit=21", as: world.owner).status == .badRequest)
            }
        }
    }
}
