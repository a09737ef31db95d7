import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The earnings and subscriber-detail methods, against a real server.
@Suite struct FanoutClientEarningsTests {
    @Test(arguments: StorageBackend.available) func transactionsWalkByMarkerAndDetailsAreSet(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let first = try await client.transactionsPage()
            var walked: [String] = []
            for try await transaction in client.transactions() { walked.append(transaction.id) }
            #expect(walked.count > first.list.count && first.hasMore, "more than one page, walked by marker")
            #expect(Set(walked).count == walked.count && Array(walked.prefix(first.list.count)) == first.list.map(\.id))
            let tips = try await client.transactionsPage(type: .tips)
            #expect(tips.list.allSatisfy { $0._type == "tips" })
            let chart = try await client.earningsChart(by: .total)
            #expect(chart.chart.count == 30)
            #expect(try await client.chargebacksPage().list.isEmpty)

            let fan = try #require(try await client.subscribers(limit: 1).list.first).id
            try await client.setSubscriberNote(userID: fan, "From Swift")
            try await client.setSubscriberCustomName(userID: fan, "Swifty")
            try await client.setSubscriberDiscount(userID: fan, percent: 15, months: 2)
            let user = try await client.notedUser(id: fan)
            #expect(user.value2.notice == "From Swift" && user.value2.displayName == "Swifty")
            await #expect(throws: FanoutClientError.self) { try await client.setSubscriberCustomName(userID: fan, "") }
        }
    }
}
