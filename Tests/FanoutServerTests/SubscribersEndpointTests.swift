import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// GET /v2/access/subscribers and GET /v2/access/users/:userId.
@Suite struct SubscribersEndpointTests {
    typealias SubscriberPage = Components.Schemas.SubscriberPage
    typealias Subscriber = Components.Schemas.Subscriber

    /// Every subscriber of `path` (a query without limit/offset), page by page.
    static func all(_ api: APIClient, _ caller: Caller, _ path: String) async throws -> [Subscriber] {
        var items: [Subscriber] = []
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let page = try await api.get("\(path)\(separator)limit=7&offset=\(items.count)", as: caller).decode(SubscriberPage.self)
            items += page.list
            if !page.hasMore { return items }
        }
    }

    /// The demo's subscriptions of `creatorID`, as the test world was built.
    static func demoSubscriptions(creatorID: Int64) -> [DemoDataset.Subscription] {
        var builder = DemoDatasetBuilder(seed: 7, anchor: TestWorld.anchor, size: .small)
        return builder.build().subscriptions.filter { $0.creatorID == creatorID }
    }

    @Test(arguments: StorageBackend.available) func typesPartitionTheDemosSubscribersNewestFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let expected = Self.demoSubscriptions(creatorID: world.owner.creatorID)
                let all = try await Self.all(api, world.owner, "/v2/access/subscribers")
                #expect(Set(all.map { Int64($0.id) }) == Set(expected.map(\.fanID)) && all.count == expected.count)
                let dates = all.map(\.subscription.subscribedAt)
                #expect(dates == dates.sorted(by: >), "newest subscription first")

                let active = try await Self.all(api, world.owner, "/v2/access/subscribers?type=active")
                let expired = try await Self.all(api, world.owner, "/v2/access/subscribers?type=expired")
                #expect(Set(active.map(\.id)) == Set(expected.filter(\.isActive).map { Int($0.fanID) }))
                #expect(Set(expired.map(\.id)) == Set(expected.filter { !$0.isActive }.map { Int($0.fanID) }))
                #expect(!active.isEmpty && !expired.isEmpty, "the demo has both")
                #expect(active.allSatisfy { $0.subscription.isActive && !$0.subscription.isExpired && $0.capabilities.canReceiveMessages })
                #expect(expired.allSatisfy { !$0.subscription.isActive && $0.subscription.isExpired })
                // Active subscriptions run in 30-day periods that cover now.
                let now = world.clock.now()
                let date = { (text: String) in try Date.ISO8601FormatStyle().parse(text) }
                #expect(try active.allSatisfy {
                    try date($0.subscription.renewedAt) <= now && now < date($0.subscription.expiresAt)
                        && date($0.subscription.expiresAt).timeIntervalSince(date($0.subscription.renewedAt)) == 30 * 86_400
                })

                // Another creator's subscribers are not these.
                let theirs = try await Self.all(api, world.secondCreator, "/v2/access/subscribers")
                #expect(Set(theirs.map(\.id)) == Set(Self.demoSubscriptions(creatorID: world.secondCreator.creatorID).map { Int($0.fanID) }))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func spendingListsSearchAndRecentSubscriptionsFollowTheData(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let first = try #require(try await api.get("/v2/access/subscribers?type=active&limit=1", as: world.owner)
                    .decode(SubscriberPage.self).list.first)
                let tipped = try await api.send("/sandbox/fans/\(first.id)/tips", method: .post, as: world.owner, json: ["amount": 12.5])
                #expect(tipped.status == .ok)
                let list = try await UserListsEndpointTests.create(api, world.owner, "Tippers")
                #expect(try await UserListsEndpointTests.add(api, world.owner, first.id, to: list.id).status == .ok)

                let after = try await Self.all(api, world.owner, "/v2/access/subscribers?type=active")
                let same = try #require(after.first { $0.id == first.id })
                let cents = { (dollars: Double) in Int((dollars * 100).rounded()) }
                #expect(cents(same.spending.tips) == cents(first.spending.tips) + 1_250)
                #expect(cents(same.spending.total) == cents(first.spending.total) + 1_250)
                #expect(cents(same.spending.messages) == cents(same.spending.total) - cents(same.spending.tips))
                #expect(same.lists.map(\.name) == first.lists.map(\.name) + ["Tippers"] && same.lists.last?.id == list.id)

                // `query` matches the username, any case.
                let needle = String(first.username.prefix(4)).uppercased()
                let found = try await Self.all(api, world.owner, "/v2/access/subscribers?query=\(needle)")
                #expect(found.contains { $0.id == first.id })
                #expect(found.allSatisfy { $0.username.lowercased().contains(needle.lowercased()) || $0.name.lowercased().contains(needle.lowercased()) })

                // `latest`: subscribed within the days asked.
                let day = String(first.subscription.subscribedAt.prefix(10))
                let latest = try await Self.all(api, world.owner, "/v2/access/subscribers?type=latest&startDate=\(day)&endDate=\(day)")
                #expect(latest.contains { $0.id == first.id } && latest.allSatisfy { $0.subscription.subscribedAt.hasPrefix(day) })
                let renewals = try await api.get("/v2/access/subscribers?type=latest&latestType=renewals", as: world.owner).decode(SubscriberPage.self)
                #expect(renewals.list.isEmpty)

                for bad in ["type=bogus", "limit=0", "limit=101", "startDate=yesterday&type=latest"] {
                    let refused = try await api.get("/v2/access/subscribers?\(bad)", as: world.owner)
                    #expect(refused.status == .badRequest, "\(bad)")
                }
                #expect(try await api.get("/v2/access/subscribers", as: world.readOnly).status == .forbidden)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func oneUserIsVisibleOnlyToTheirCreator(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let subscriber = try #require(Self.demoSubscriptions(creatorID: world.owner.creatorID).first)
                let user = try await api.get("/v2/access/users/\(subscriber.fanID)", as: world.owner).decode(Components.Schemas.User.self)
                #expect(Int64(user.id) == subscriber.fanID && !user.username.isEmpty)
                let me = try await api.get("/v2/access/users/\(world.owner.creatorID)", as: world.owner).decode(Components.Schemas.User.self)
                #expect(Int64(me.id) == world.owner.creatorID)

                let others = Set(Self.demoSubscriptions(creatorID: world.secondCreator.creatorID).map(\.fanID))
                    .subtracting(Self.demoSubscriptions(creatorID: world.owner.creatorID).map(\.fanID))
                let stranger = try #require(others.first)
                let chats = try await api.get("/v2/access/chats?limit=20", as: world.owner).object
                let chatting = (chats["list"] as? [[String: Any]] ?? []).compactMap { ($0["withUser"] as? [String: Any])?["id"] as? Int }
                if !chatting.contains(Int(stranger)) {
                    #expect(try await api.get("/v2/access/users/\(stranger)", as: world.owner).status == .notFound)
                }
                #expect(try await api.get("/v2/access/users/999999999", as: world.owner).status == .notFound)
                #expect(try await api.get("/v2/access/users/\(subscriber.fanID)", as: world.readOnly).status == .forbidden)
                #expect(try await api.get("/v2/access/users/abc", as: world.owner).status == .badRequest)
                // The route of lists still wins over the user id.
                #expect(try await api.get("/v2/access/users/lists", as: world.owner).status == .ok)
            }
        }
    }
}
