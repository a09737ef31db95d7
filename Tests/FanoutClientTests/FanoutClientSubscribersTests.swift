import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The subscribers methods of `FanoutClient`, against a real server.
@Suite struct FanoutClientSubscribersTests {
    @Test(arguments: StorageBackend.available) func subscribersWalkAsThePlainWalkWithTheWiresValues(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            var walked: [FanoutClient.Subscriber] = []
            for try await subscriber in client.subscribers(pageSize: 7) { walked.append(subscriber) }
            let wire = try await world.plainOffsetWalk("/v2/access/subscribers", limit: 7)
            #expect(walked.count > 7, "more than one page")
            #expect(walked.map(\.id) == wire.map { $0["id"] as? Int })

            for (subscriber, json) in zip(walked, wire) {
                #expect(subscriber.user.name == json["name"] as? String && subscriber.user.username == json["username"] as? String)
                #expect(subscriber.user.avatar?.absoluteString == (json["avatar"] as? String).flatMap { $0.isEmpty ? nil : $0 })
                let subscription = try #require(json["subscription"] as? [String: Any])
                #expect(subscriber.subscription.isActive == subscription["isActive"] as? Bool)
                #expect(subscriber.subscription.subscribedAt == (try wireDate(subscription["subscribedAt"])))
                #expect(subscriber.subscription.expiresAt == (try wireDate(subscription["expiresAt"])))
                #expect(subscriber.lastSeen == (try wireDate(json["lastSeen"])))
                #expect(subscriber.subscription.history.map(\.startsAt)
                    == (try (subscription["history"] as? [[String: Any]] ?? []).map { try wireDate($0["startDate"]) }))
                let spending = try #require(json["spending"] as? [String: Any])
                #expect(subscriber.spending.total == (try wireMoney(spending["total"])))
                #expect(subscriber.spending.tips == (try wireMoney(spending["tips"])))
                // Cents stay cents: what was spent on messages is the total less the tips, exactly.
                #expect(subscriber.spending.messages == subscriber.spending.total - subscriber.spending.tips)
                #expect(subscriber.lists.map(\.id) == (json["lists"] as? [[String: Any]] ?? []).map { $0["id"] as? Int })
            }
            #expect(walked.contains { NSDecimalNumber(decimal: $0.spending.total * 100).intValue % 100 != 0 }, "some spending with cents")

            let first = try await client.subscribersPage(limit: 7)
            #expect(first.items.map(\.id) == Array(walked.prefix(7)).map(\.id) && first.next == .offset(7))
        }
    }

    @Test(arguments: StorageBackend.available) func filtersKeepWhatThePlainFiltersKeep(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            func ids(_ sequence: PagedSequence<FanoutClient.Subscriber>) async throws -> [Int] {
                var ids: [Int] = []
                for try await subscriber in sequence { ids.append(subscriber.id) }
                return ids
            }
            func plainIDs(_ query: String) async throws -> [Int] {
                try await world.plainOffsetWalk("/v2/access/subscribers?\(query)", limit: 5).compactMap { $0["id"] as? Int }
            }
            var active: [FanoutClient.Subscriber] = []
            for try await subscriber in client.subscribers(type: .active, pageSize: 5) { active.append(subscriber) }
            #expect(!active.isEmpty && active.allSatisfy { $0.subscription.isActive })
            #expect(active.map(\.id) == (try await plainIDs("type=active")))
            let expired = try await ids(client.subscribers(type: .expired, pageSize: 5))
            let plainExpired = try await plainIDs("type=expired")
            #expect(!expired.isEmpty && expired == plainExpired)
            #expect(Set(expired).isDisjoint(with: active.map(\.id)))

            let spender = try #require(active.max { $0.spending.total < $1.spending.total })
            let floor = spender.spending.total
            let big = try await ids(client.subscribers(filter: .init(totalSpent: .init(minimum: floor)), pageSize: 5))
            let plainBig = try await plainIDs("filter%5Btotal_spent%5D=\(floor)")
            #expect(big.contains(spender.id) && big == plainBig)
            let between = try await ids(client.subscribers(filter: .init(tips: .init(minimum: 0, maximum: 1)), pageSize: 5))
            #expect(between == (try await plainIDs("filter%5Btips%5D=0-1")))
            #expect(try await ids(client.subscribers(filter: .init(isOnline: true), pageSize: 5)).isEmpty, "nobody is online")
            #expect(try await ids(client.subscribers(filter: .init(isOnline: false), pageSize: 5)).count > 5)

            let day: TimeInterval = 86_400
            let now = Date()
            let latest = try await ids(client.subscribers(type: .latest, from: now.addingTimeInterval(-365 * day), to: now, pageSize: 5))
            #expect(latest == (try await plainIDs(
                "type=latest&startDate=\(Self.day(now.addingTimeInterval(-365 * day)))&endDate=\(Self.day(now))")))
            let newOnes = try await ids(client.subscribers(type: .latest, latestType: .new, pageSize: 5))
            #expect(newOnes == (try await ids(client.subscribers(type: .latest, latestType: .total, pageSize: 5))))
            #expect(newOnes == (try await plainIDs("type=latest&latestType=new")))
            #expect(try await client.subscribersPage(type: .latest, latestType: .renewals).items.isEmpty, "the sandbox has no renewals")
            let named = try #require(active.first?.user.username)
            #expect(try await ids(client.subscribers(query: named, pageSize: 5)).contains(active[0].id))

            let badAmount = await #expect(throws: FanoutClientError.self) {
                try await client.subscribersPage(filter: .init(totalSpent: .init(minimum: Decimal(string: "10.555")!)))
            }
            #expect(badAmount?.status == .badRequest && badAmount?.field == "filter.total_spent")
            let badRange = await #expect(throws: FanoutClientError.self) {
                try await client.subscribersPage(filter: .init(tips: .init(minimum: 50, maximum: 10)))
            }
            #expect(badRange?.field == "filter.tips")
            let badLimit = await #expect(throws: FanoutClientError.self) { try await client.subscribersPage(limit: 101) }
            #expect(badLimit?.status == .badRequest && badLimit?.field == "limit")
        }
    }

    @Test(arguments: StorageBackend.available) func noteCustomNameAndDiscountAreSetAndRefused(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.subscribersPage(type: .active, limit: 1).items.first).id
            try await client.setSubscriberNote(userID: fan, "From Swift")
            try await client.setSubscriberCustomName(userID: fan, "Swifty")
            let before = Date()
            try await client.setSubscriberDiscount(userID: fan, percent: 15, months: 2)
            let user = try await client.user(id: fan)
            #expect(user.note == "From Swift" && user.customName == "Swifty")
            let wire = try await world.plain("GET", "/v2/access/users/\(fan)").json
            #expect(wire["notice"] as? String == "From Swift" && wire["displayName"] as? String == "Swifty")

            var seen: FanoutClient.Subscriber?
            for try await subscriber in client.subscribers(type: .active) where subscriber.id == fan { seen = subscriber }
            let subscriber = try #require(seen)
            #expect(subscriber.user.customName == "Swifty")
            let discount = try #require(subscriber.subscription.discount)
            #expect(discount.percent == 15 && discount.months == 2)
            let started = try #require(discount.startedAt)
            #expect(abs(started.timeIntervalSince(before)) < 60)
            let covered = try #require(discount.finishesAt).timeIntervalSince(started)
            #expect(abs(covered - 2 * 30 * 86_400) < 1, "two 30-day periods")

            try await client.setSubscriberNote(userID: fan, "")
            #expect(try await client.user(id: fan).note == nil, "an empty note clears it")

            let missing = 999_999_999
            for (name, write) in [
                ("note", { try await client.setSubscriberNote(userID: missing, "x") }),
                ("custom name", { try await client.setSubscriberCustomName(userID: missing, "x") }),
                ("discount", { try await client.setSubscriberDiscount(userID: missing, percent: 10, months: 1) }),
            ] as [(String, () async throws -> Void)] {
                let error = await #expect(throws: FanoutClientError.self, "\(name)") { try await write() }
                #expect(error?.status == .notFound, "\(name)")
            }
            for (field, write) in [
                ("notice", { try await client.setSubscriberNote(userID: fan, String(repeating: "n", count: 1_001)) }),
                ("displayName", { try await client.setSubscriberCustomName(userID: fan, "") }),
                ("discount", { try await client.setSubscriberDiscount(userID: fan, percent: 61, months: 1) }),
                ("period", { try await client.setSubscriberDiscount(userID: fan, percent: 10, months: 13) }),
            ] as [(String, () async throws -> Void)] {
                let error = await #expect(throws: FanoutClientError.self, "\(field)") { try await write() }
                #expect(error?.status == .badRequest && error?.field == field, "\(field): \(String(describing: error))")
            }
            #expect(try await client.user(id: fan).customName == "Swifty", "a refused name changes nothing")
        }
    }

    @Test func aSubscriptionThatDoesNotParseIsAnErrorNamingTheField() throws {
        func wire(percent: Double = 15, subscribedAt: String = "2026-12-07T19:35:46+00:00", price: Double = 9.99)
            -> Components.Schemas.SubscriberSubscription {
            .init(
                isActive: true, isExpired: false, subscribedAt: subscribedAt, expiresAt: "2027-01-06T19:35:46+00:00",
                renewedAt: "2026-12-07T19:35:46+00:00", price: price, regularPrice: 12.5, discountPercent: percent, discountPeriod: 2,
                discountStartedAt: "2026-12-07T19:35:46Z", discountFinishedAt: "", history: [])
        }
        let parsed = try FanoutClient.Subscriber.Subscription(wire())
        #expect(parsed.price == Decimal(string: "9.99") && parsed.regularPrice == Decimal(string: "12.5"))
        #expect(parsed.discount?.percent == 15 && parsed.discount?.months == 2 && parsed.discount?.finishesAt == nil)
        #expect(parsed.subscribedAt == Date(timeIntervalSince1970: 1_796_672_146))
        #expect(try FanoutClient.Subscriber.Subscription(wire(percent: 0)).discount == nil, "no discount: nil")
        for (broken, field) in [
            (wire(percent: 12.5), "subscription.discountPercent"), (wire(percent: 1e300), "subscription.discountPercent"),
            (wire(subscribedAt: "yesterday"), "subscription.subscribedAt"), (wire(price: .infinity), "subscription.price"),
        ] {
            let error = #expect(throws: FanoutClientError.self) { try FanoutClient.Subscriber.Subscription(broken) }
            #expect(error?.field == field && error?.code == "INVALID_RESPONSE", "\(String(describing: error))")
        }
    }

    static func day(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()) }
}

/// A date as the wire writes it, parsed apart from the client (nil for "" or none).
fileprivate func wireDate(_ value: Any?) throws -> Date? {
    guard let text = value as? String, !text.isEmpty else { return nil }
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
}

/// A JSON number of dollars as the exact cents it stands for.
fileprivate func wireMoney(_ value: Any?) throws -> Decimal {
    let number = try #require(value as? NSNumber, "not a number: \(String(describing: value))")
    let cents = (number.doubleValue * 100).rounded()
    try #require(abs(number.doubleValue * 100 - cents) < 1e-6, "not whole cents: \(number)")
    return Decimal(Int(exactly: cents) ?? 0) / 100
}
