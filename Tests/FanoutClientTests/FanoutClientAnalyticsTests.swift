import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// Mass-message analytics: purchased, sent, chart and buyers, against a
/// live Fanout and compared with the wire.
@Suite struct FanoutClientAnalyticsTests {
    typealias Wire = MessagingWire
    static let path = "/v2/access/analytics/mass-messages"

    static func matches(_ item: FanoutClient.MassMessageAnalytics, _ wire: [String: Any]) -> Bool {
        item.id == wire["id"] as? Int && item.text == wire["text"] as? String && item.date == Wire.date(wire["date"])
            && item.price == Wire.money(wire["price"]) && item.isFree == wire["isFree"] as? Bool
            && item.media.map(\.id) == Wire.ids(wire["media"] as? [[String: Any]] ?? [])
            && item.previews.map(\.id) == Wire.ids(wire["previews"] as? [[String: Any]] ?? [])
            && item.sentCount == wire["sentCount"] as? Int && item.viewedCount == wire["viewedCount"] as? Int
            && item.purchasedCount == wire["purchasedCount"] as? Int && item.isCanceled == wire["isCanceled"] as? Bool
            && item.canUnsend == wire["canUnsend"] as? Bool && item.unsendSeconds == wire["unsendSeconds"] as? Int
    }

    /// A date as the query parameters take it (what the client sends).
    static func query(_ date: Date) -> String { date.formatted(.iso8601) }

    @Test(arguments: StorageBackend.available) func purchasedWalksAsThePlainWalkWithTheWiresValues(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let walked = try await client.purchasedMassMessages(pageSize: 2).reduce(into: [FanoutClient.MassMessageAnalytics]()) { $0.append($1) }
            let plain = try await world.plainOffsetWalk("\(Self.path)/purchased", limit: 2, listKey: "items")
            #expect(walked.count > 2 && walked.map(\.id) == Wire.ids(plain))
            for (item, wire) in zip(walked, plain) { #expect(Self.matches(item, wire), "purchased \(item.id)") }
            #expect(walked.allSatisfy { $0.purchasedCount > 0 && $0.price > 0 })
            #expect(walked.contains { !$0.previews.isEmpty })
            for item in walked.prefix(3) {
                let message = try await client.massMessage(id: item.id)
                #expect(message.price == item.price && message.purchasedCount == item.purchasedCount && message.date == item.date)
            }
            let page = try await client.purchasedMassMessagesPage(limit: 1, offset: 1)
            #expect(page.items.map(\.id) == [walked[1].id] && page.next == .offset(2))
            await #expect(performing: { try await client.purchasedMassMessagesPage(limit: 101) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }

    @Test(arguments: StorageBackend.available) func buyersWalkByMarkerAsThePlainWalk(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            var best: (id: Int, buyers: Int)?
            for try await item in client.purchasedMassMessages(pageSize: 100) where item.purchasedCount > (best?.buyers ?? 0) {
                best = (item.id, item.purchasedCount)
            }
            let sold = try #require(best)
            try #require(sold.buyers > 2, "a mass message with several buyers")
            let walked = try await client.buyers(massMessageID: sold.id, pageSize: 2).reduce(into: [FanoutClient.User]()) { $0.append($1) }
            let plain = try await Wire.markerWalk(world, "\(Self.path)/\(sold.id)/buyers", limit: 2)
            #expect(walked.count == sold.buyers && walked.map(\.id) == Wire.ids(plain))
            for (buyer, wire) in zip(walked, plain) {
                #expect(buyer.name == wire["name"] as? String && buyer.username == wire["username"] as? String
                    && buyer.isVerified == wire["isVerified"] as? Bool)
            }
            let paths = world.transport.exchanges.compactMap(\.request.path).filter { $0.contains("/\(sold.id)/buyers") && $0.contains("limit=2") }
            #expect(paths.count == (walked.count + 1) / 2 && !paths[0].contains("marker=") && paths.dropFirst().allSatisfy { $0.contains("marker=") })

            let first = try await client.buyersPage(massMessageID: sold.id, limit: 2)
            let second = try await client.buyersPage(massMessageID: sold.id, marker: try #require(first.next?.marker), limit: 2)
            #expect(second.items.map(\.id) == Array(walked.map(\.id)[2..<min(4, walked.count)]))
            await #expect(performing: { try await client.buyersPage(massMessageID: 987_654_321) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await client.buyersPage(massMessageID: sold.id, limit: 21) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }

    @Test(arguments: StorageBackend.available) func chartAndSentAreTheWires(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let start = ClientWorld.anchor.addingTimeInterval(-90 * 86_400), end = ClientWorld.anchor
            let range = "startDate=\(Self.query(start))&endDate=\(Self.query(end))"
            let chart = try await client.massMessagesChart(from: start, to: end)
            let (status, wire) = try await world.plain("GET", "\(Self.path)/chart?\(range)")
            try #require(status == 200)
            let series: [(String, FanoutClient.ChartSeries)] = [
                ("group_messages", chart.massMessages), ("group_messages_purchases", chart.massMessagePurchases),
                ("direct_messages", chart.directMessages), ("direct_messages_purchases", chart.directMessagePurchases),
            ]
            for (name, line) in series {
                let json = try #require(wire[name] as? [String: Any], "\(name)")
                let points = try #require(json["chart"] as? [[String: Any]])
                #expect(line.points.count == 91 && line.points.count == points.count, "\(name): a point a day, both days included")
                #expect(line.points.map(\.date) == points.map { Wire.date($0["date"]) }, "\(name)")
                #expect(line.points.map(\.count) == points.map { $0["count"] as? Int }, "\(name)")
                #expect(line.total == json["total"] as? Int && line.delta == json["delta"] as? Int && line.gross == Wire.money(json["gross"]), "\(name)")
                #expect(line.total == line.points.reduce(0) { $0 + $1.count }, "\(name): the total is the points'")
            }
            #expect(chart.massMessages.total > 0 && chart.massMessagePurchases.total > 0 && (chart.massMessagePurchases.gross ?? 0) > 0)
            let byDefault = try await client.massMessagesChart()
            #expect(byDefault.massMessages.points.count == 30)
            await #expect(performing: { try await client.massMessagesChart(from: end.addingTimeInterval(-400 * 86_400), to: end) }, throws: Wire.code("BAD_REQUEST"))

            let sent = try await client.sentMassMessages(from: start, to: end, limit: 3)
            let (_, plainSent) = try await world.plain("GET", "\(Self.path)/sent?\(range)&limit=3")
            let items = try #require(plainSent["items"] as? [[String: Any]])
            #expect(sent.items.count == 3 && sent.hasMore && sent.hasMore == plainSent["hasMore"] as? Bool)
            #expect(sent.items.map(\.id) == Wire.ids(items) && zip(sent.items, items).allSatisfy { Self.matches($0, $1) })
            let all = try await client.sentMassMessages(from: start, to: end, limit: 100)
            #expect(!all.hasMore && all.items.map(\.id).starts(with: sent.items.map(\.id)) && all.items.allSatisfy { $0.date >= start })
            #expect(try await client.sentMassMessages(from: end.addingTimeInterval(86_400 * 30), to: end.addingTimeInterval(86_400 * 40)).items.isEmpty)
            await #expect(performing: { try await client.sentMassMessages(limit: 101) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }
}
