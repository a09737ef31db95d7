import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// The earnings ledger on every backend: one row per tip and purchase, to
/// the cent what the chats show, paged by marker without gaps or repeats,
/// and chargebacks that take money back from the fan's spend.
@Suite struct EarningStoreContractTests {
    static let all = EarningQuery(limit: 100)

    /// Every earning of `creatorID` through pages of `limit`, following markers.
    static func walk(_ storage: any FanoutStorage, creatorID: Int64, kinds: [Earning.Kind] = Earning.Kind.allCases, limit: Int) async throws -> [Earning] {
        var walked: [Earning] = [], marker: Int64?
        for _ in 0..<100 {
            let page = try await storage.earnings(creatorID: creatorID, query: EarningQuery(kinds: kinds, marker: marker, limit: limit))
            walked += page.items
            guard page.hasMore, let last = page.items.last else { return walked }
            marker = last.id
        }
        Issue.record("the walk did not end")
        return walked
    }

    /// What each fan paid the creator, as the ledger counts it (standing earnings only).
    static func ledgerSpend(_ earnings: [Earning]) -> [Int64: Money] {
        var spend: [Int64: Money] = [:]
        for earning in earnings where earning.chargedBackAt == nil {
            spend[earning.fan.id] = (spend[earning.fan.id] ?? .zero).adding(earning.amount)
        }
        return spend
    }

    @Test(arguments: StorageBackend.available)
    func everyTipAndPurchaseIsInTheLedgerToTheCentOfTheChats(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let seeded = try await storage.earnings(creatorID: 1, query: Self.all)
            #expect(seeded.items.map(\.kind) == [.message] && seeded.items.map(\.fan.id) == [11], "the import's purchase, in the ledger")
            #expect(seeded.items.first?.amount == Money(cents: 999))
            let now = Scenario.now
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 10, text: "for you", tip: Money(cents: 500), at: now.addingTimeInterval(1))
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 12, text: "small", tip: Money(cents: 33), at: now.addingTimeInterval(2))
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 10, text: "no tip", tip: nil, at: now.addingTimeInterval(3))
            // Fan 10 buys the paid mass message delivered to them.
            let chat = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: PageRequest(limit: 50, offset: 0)))
            let paid = try #require(chat.items.first { $0.canPurchase })
            #expect(try await storage.fanBuysMessage(id: paid.id, creatorID: 1, fanID: 10, at: now.addingTimeInterval(4)))

            let earnings = try await storage.earnings(creatorID: 1, query: Self.all).items
            #expect(earnings.map(\.kind) == [.message, .tip, .tip, .message], "newest first")
            #expect(earnings.map(\.amount.cents) == [999, 33, 500, 999])
            #expect(earnings.map(\.id) == earnings.map(\.id).sorted(by: >))
            for (fan, spent) in Self.ledgerSpend(earnings) {
                #expect(try await storage.fanAccount(creatorID: 1, fanID: fan).spent == spent, "fan \(fan): the chat's spend is the ledger's")
            }
            #expect(try await storage.earnings(creatorID: 2, query: Self.all).items.isEmpty, "another creator's ledger is its own")

            let days = try await storage.earningDays(creatorID: 1, kinds: Earning.Kind.allCases, days: try DayRange(start: now.addingTimeInterval(-86_400), end: now))
            #expect(days.reduce(Money.zero) { $0.adding($1.gross)! } == Money(cents: 999 + 33 + 500 + 999))
            let net = earnings.reduce(Money.zero) { $0.adding($1.split.net)! }
            #expect(days.reduce(Money.zero) { $0.adding($1.net)! } == net, "the chart's net is the sum of each transaction's net")
            let tipDays = try await storage.earningDays(creatorID: 1, kinds: [.tip], days: try DayRange(start: now, end: now))
            #expect(tipDays.reduce(Money.zero) { $0.adding($1.gross)! } == Money(cents: 533))
        }
    }

    @Test(arguments: StorageBackend.available)
    func markerPagesWalkEveryEarningOnceNewestFirst(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            for index in 0..<23 {
                let fan: Int64 = [10, 11, 12][index % 3]
                _ = try await storage.fanSendsMessage(
                    creatorID: 1, fanID: fan, text: "tip \(index)", tip: Money(cents: Int64(100 + index)), at: Scenario.now.addingTimeInterval(Double(index)))
            }
            let whole = try await storage.earnings(creatorID: 1, query: Self.all).items
            #expect(whole.count == 24)
            for limit in [1, 5, 7, 24, 30] {
                let walked = try await Self.walk(storage, creatorID: 1, limit: limit)
                #expect(walked.map(\.id) == whole.map(\.id), "pages of \(limit): no gap, no repeat")
            }
            #expect(try await Self.walk(storage, creatorID: 1, kinds: [.tip], limit: 5).count == 23)
            #expect(try await Self.walk(storage, creatorID: 1, kinds: [.message], limit: 5).map(\.fan.id) == [11])
            let recent = try await storage.earnings(creatorID: 1, query: EarningQuery(since: Scenario.now.addingTimeInterval(20), limit: 100))
            #expect(recent.items.map(\.amount.cents) == [122, 121, 120], "nothing before since")
        }
    }

    @Test(arguments: StorageBackend.available)
    func aChargebackMarksTheEarningAndTakesItOutOfTheSpendAndTheChart(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let now = Scenario.now
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 11, text: "tip", tip: Money(cents: 250), at: now.addingTimeInterval(5))
            let earnings = try await storage.earnings(creatorID: 1, query: Self.all).items
            let tip = try #require(earnings.first { $0.kind == .tip })
            #expect(try await storage.fanAccount(creatorID: 1, fanID: 11).spent == Money(cents: 1_249))

            #expect(try await storage.chargeBack(earningID: tip.id, creatorID: 2, at: now) == .notFound, "another creator's earning")
            guard case .chargedBack(let chargeback) = try await storage.chargeBack(earningID: tip.id, creatorID: 1, at: now.addingTimeInterval(60)) else {
                Issue.record("not charged back")
                return
            }
            #expect(chargeback.earning.id == tip.id && chargeback.earning.chargedBackAt != nil && chargeback.earning.amount == Money(cents: 250))
            #expect(try await storage.chargeBack(earningID: tip.id, creatorID: 1, at: now) == .alreadyChargedBack)
            #expect(try await storage.fanAccount(creatorID: 1, fanID: 11).spent == Money(cents: 999), "the spend drops by the tip")

            let after = try await storage.earnings(creatorID: 1, query: Self.all).items
            #expect(after.count == earnings.count, "a charged-back transaction stays listed")
            #expect(after.first { $0.id == tip.id }?.chargedBackAt != nil)
            let days = try await storage.earningDays(creatorID: 1, kinds: Earning.Kind.allCases, days: try DayRange(start: now.addingTimeInterval(-86_400), end: now))
            #expect(days.reduce(Money.zero) { $0.adding($1.gross)! } == Money(cents: 999), "the chart leaves it out")

            let listed = try await storage.chargebacks(creatorID: 1, query: ChargebackQuery())
            #expect(listed.items.map(\.id) == [chargeback.id] && !listed.hasMore)
            #expect(try await storage.chargebacks(creatorID: 2, query: ChargebackQuery()).items.isEmpty)
            let outside = try await storage.chargebacks(creatorID: 1, query: ChargebackQuery(days: try DayRange(start: now.addingTimeInterval(-5 * 86_400), end: now.addingTimeInterval(-2 * 86_400))))
            #expect(outside.items.isEmpty, "charged back outside the days asked")
        }
    }

    @Test(arguments: StorageBackend.available)
    func subscriberDetailsAreKeptPerCreatorAndSubscriberOnly(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            #expect(try await storage.updateSubscriberDetail(creatorID: 1, fanID: 10, change: .notice("Likes sunsets")))
            #expect(try await storage.updateSubscriberDetail(creatorID: 1, fanID: 10, change: .displayName("Sunny")))
            let start = Scenario.now
            #expect(try await storage.updateSubscriberDetail(
                creatorID: 1, fanID: 10, change: .discount(SubscriberDiscount(percent: 25, months: 3, startedAt: start))))
            #expect(try await !storage.updateSubscriberDetail(creatorID: 2, fanID: 10, change: .notice("x")), "fan 10 never subscribed to creator 2")
            #expect(try await !storage.updateSubscriberDetail(creatorID: 1, fanID: 2, change: .notice("x")), "not a subscriber")

            let account = try await storage.fanAccount(creatorID: 1, fanID: 10)
            #expect(account.detail == SubscriberDetail(
                notice: "Likes sunsets", displayName: "Sunny", discount: SubscriberDiscount(percent: 25, months: 3, startedAt: start)))
            #expect(account.isSubscriber)
            let other = try await storage.fanAccount(creatorID: 2, fanID: 10)
            #expect(other.detail == SubscriberDetail() && !other.isSubscriber, "creator 2 sees none of creator 1's notes")

            #expect(try await storage.updateSubscriberDetail(creatorID: 1, fanID: 10, change: .noticeAndDisplayName("", "")))
            let cleared = try await storage.fanAccount(creatorID: 1, fanID: 10).detail
            #expect(cleared.notice.isEmpty && cleared.displayName.isEmpty && cleared.discount?.percent == 25, "the discount stays")

            #expect(try await storage.updateSubscriberDetail(creatorID: 1, fanID: 12, change: .displayName("Zed")))
            let page = try await storage.subscribers(creatorID: 1, query: SubscriberQuery(kind: .all, search: nil, page: PageRequest(limit: 10, offset: 0)))
            #expect(page.items.first { $0.user.id == 12 }?.detail.displayName == "Zed")
            #expect(page.items.first { $0.user.id == 11 }?.detail == SubscriberDetail())
        }
    }
}
