import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// GET /v2/access/earnings/transactions, /chart, /chargebacks and the
/// sandbox's chargeback.
@Suite struct EarningsEndpointTests {
    typealias TransactionPage = Components.Schemas.TransactionPage
    typealias Transaction = Components.Schemas.Transaction

    /// Every transaction of `query`, following `marker` from page to page.
    static func walk(_ api: APIClient, _ caller: Caller, _ query: String = "") async throws -> [Transaction] {
        var items: [Transaction] = [], marker: Int?
        for _ in 0..<1_000 {
            let separator = query.isEmpty ? "?" : "?\(query)&"
            let path = "/v2/access/earnings/transactions" + (marker.map { "\(separator)marker=\($0)" } ?? (query.isEmpty ? "" : "?\(query)"))
            let page = try await api.get(path, as: caller).decode(TransactionPage.self)
            items += page.list
            #expect(page.marker == page.nextMarker)
            guard page.hasMore else { return items }
            marker = page.marker
        }
        Issue.record("the walk did not end")
        return items
    }

    static func cents(_ dollars: Double) -> Int64 { Int64((dollars * 100).rounded()) }

    @Test(arguments: StorageBackend.available) func transactionsAreEveryTipAndPurchaseToTheCentOfTheSubscribersSpend(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await Self.walk(api, world.owner)
                #expect(!all.isEmpty, "the demo has tips and purchases")
                #expect(Set(all.map(\.id)).count == all.count, "no transaction twice")
                #expect(all.map { Int($0.id)! } == all.map { Int($0.id)! }.sorted(by: >), "newest first")
                #expect(all.allSatisfy { Self.cents($0.amounts.gross) == Self.cents($0.amounts.net) + Self.cents($0.amounts.fee) })
                var ledger: [Int: Int64] = [:]
                for item in all { ledger[item.user.id, default: 0] += Self.cents(item.amounts.gross) }
                let subscribers = try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers")
                for subscriber in subscribers {
                    #expect(ledger[subscriber.id, default: 0] == Self.cents(subscriber.spending.total), "fan \(subscriber.id)")
                }
                let tips = try await Self.walk(api, world.owner, "type=tips")
                let messages = try await Self.walk(api, world.owner, "type=chat_messages")
                #expect(tips.allSatisfy { $0._type == "tips" } && messages.allSatisfy { $0._type == "chat_messages" })
                #expect(tips.count + messages.count == all.count)
                #expect(try await Self.walk(api, world.owner, "tipsSource=chat").map(\.id) == tips.map(\.id))
                #expect(try await Self.walk(api, world.owner, "type=subscribes").isEmpty, "subscriptions are free in the sandbox")
                #expect(try await Self.walk(api, world.owner, "tipsSource=story").isEmpty)

                // Another creator's ledger is its own.
                let theirs = try await Self.walk(api, world.secondCreator)
                #expect(Set(theirs.map(\.id)).isDisjoint(with: all.map(\.id)))
                let otherTenant = try await Self.walk(api, world.otherTenant)
                #expect(Set(otherTenant.map(\.id)).isDisjoint(with: all.map(\.id)))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aTipIsATransactionAndAChargebackTakesItBack(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await api.get("/v2/access/subscribers?type=active&limit=1", as: world.owner)
                    .decode(Components.Schemas.SubscriberPage.self).list[0]
                let before = try await api.get("/v2/access/earnings/chart", as: world.owner).decode(Components.Schemas.EarningsChart.self)
                let tipped = try await api.send("/sandbox/fans/\(fan.id)/tips", method: .post, as: world.owner, json: ["amount": 12.5])
                #expect(tipped.status == .ok)
                let newest = try await api.get("/v2/access/earnings/transactions", as: world.owner).decode(TransactionPage.self).list[0]
                #expect(newest._type == "tips" && newest.user.id == fan.id && newest.status == "pending" && newest.payoutPendingDays == 7)
                #expect(newest.amounts.gross == 12.5 && newest.amounts.fee == 2.5 && newest.amounts.net == 10 && newest.currency == "USD")
                let chart = try await api.get("/v2/access/earnings/chart", as: world.owner).decode(Components.Schemas.EarningsChart.self)
                #expect(Self.cents(chart.total) == Self.cents(before.total) + 1_000 && Self.cents(chart.gross) == Self.cents(before.gross) + 1_250)
                #expect(chart.chart.count == 30 && Self.cents(chart.chart.map(\.count).reduce(0, +)) == Self.cents(chart.total))

                let other = try await api.send("/sandbox/transactions/\(newest.id)/chargeback", method: .post, headers: world.secondCreator.headers)
                #expect(other.status == .notFound, "another creator's transaction")
                let charged = try await api.send("/sandbox/transactions/\(newest.id)/chargeback", method: .post, headers: world.owner.headers)
                #expect(charged.status == .ok)
                let chargeback = try charged.decode(Components.Schemas.Chargeback.self)
                #expect(chargeback.payment.id == newest.id && chargeback.payment.status == "chargeback" && chargeback.paymentType == "tips")
                let again = try await api.send("/sandbox/transactions/\(newest.id)/chargeback", method: .post, headers: world.owner.headers)
                #expect(again.status == .badRequest)
                #expect(try again.error.details?.field == "transactionId")

                let listed = try await api.get("/v2/access/earnings/chargebacks", as: world.owner).decode(Components.Schemas.ChargebackPage.self)
                #expect(listed.list.map(\.id) == [chargeback.id] && !listed.hasMore && listed.marker == 0)
                #expect(try await api.get("/v2/access/earnings/chargebacks", as: world.secondCreator)
                    .decode(Components.Schemas.ChargebackPage.self).list.isEmpty)
                let after = try await api.get("/v2/access/earnings/transactions", as: world.owner).decode(TransactionPage.self).list[0]
                #expect(after.id == newest.id && after.status == "chargeback", "still listed, marked")
                let chartAfter = try await api.get("/v2/access/earnings/chart", as: world.owner).decode(Components.Schemas.EarningsChart.self)
                #expect(Self.cents(chartAfter.total) == Self.cents(before.total), "the chart leaves it out")
                let spent = try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers").first { $0.id == fan.id }
                #expect(spent.map { Self.cents($0.spending.total) } == Self.cents(fan.spending.total), "the spend is back where it was")
            }
        }
    }

    static let badQueries: [(path: String, field: String)] = [
        ("/v2/access/earnings/transactions?type=gifts", "type"),
        ("/v2/access/earnings/transactions?tipsSource=mail", "tipsSource"),
        ("/v2/access/earnings/transactions?type=chat_messages&tipsSource=chat", "tipsSource"),
        ("/v2/access/earnings/transactions?marker=abc", "marker"),
        ("/v2/access/earnings/transactions?startDate=yesterday", "startDate"),
        ("/v2/access/earnings/chart?by=everything", "by"),
        ("/v2/access/earnings/chart?startDate=2026-12-01&endDate=2026-11-01", "startDate"),
        ("/v2/access/earnings/chart?startDate=2024-01-01&endDate=2026-01-01", "endDate"),
        ("/v2/access/earnings/chart?withTotal=maybe", "withTotal"),
        ("/v2/access/earnings/chart?monthlyTotal=2", "monthlyTotal"),
        ("/v2/access/earnings/chargebacks?endDate=soon", "endDate"),
        ("/v2/access/earnings/chargebacks?marker=-1", "marker"),
    ]

    @Test(arguments: StorageBackend.available) func badParametersAre400sNamingThem(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                for (path, field) in Self.badQueries {
                    let response = try await api.get(path, as: world.owner)
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(try response.error.details?.field == field, "\(path)")
                }
                let forbidden = try await api.get("/v2/access/earnings/transactions", as: world.readOnly)
                #expect(forbidden.status == .forbidden)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theChartSumsDaysOrMonthsAndItsSeries(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                func chart(_ query: String) async throws -> Components.Schemas.EarningsChart {
                    try await api.get("/v2/access/earnings/chart?\(query)", as: world.owner).decode(Components.Schemas.EarningsChart.self)
                }
                let range = "startDate=2026-01-01&endDate=2026-12-31"
                let total = try await chart(range)
                let tips = try await chart(range + "&by=tips"), messages = try await chart(range + "&by=messages")
                #expect(Self.cents(total.total) == Self.cents(tips.total) + Self.cents(messages.total))
                #expect(try await chart(range + "&by=tips_chat").total == tips.total)
                #expect(try await chart(range + "&by=subscribes").total == 0)
                let monthly = try await chart(range + "&monthlyTotal=true&withTotal=true")
                #expect(monthly.chart.count == 12 && monthly.chart.first?.date == "2026-01-01")
                #expect(Self.cents(monthly.total) == Self.cents(total.total))
                #expect(Self.cents(monthly.chart.map(\.count).reduce(0, +)) == Self.cents(total.total))
                #expect(total.chart.count == 365 && total.chart.first?.date == "2026-01-01" && total.chart.last?.date == "2026-12-31")
            }
        }
    }
}
