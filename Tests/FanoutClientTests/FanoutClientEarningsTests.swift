import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The earnings methods (transactions, chart, chargebacks), against a live
/// server: every amount the wire's to the cent, every walk by marker the
/// plain HTTP walk's.
@Suite struct FanoutClientEarningsTests {
    /// The items of every page of a marker-paged GET, walked by plain HTTP:
    /// the first page without `marker`, then each page's `marker` while `hasMore`.
    static func plainMarkerWalk(_ world: ClientWorld, _ path: String, connection: Int = 0) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var marker: Int?
        var pages = 0
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let (status, json) = try await world.plain("GET", path + (marker.map { "\(separator)marker=\($0)" } ?? ""), connection: connection)
            try #require(status == 200, "\(path) marker \(marker ?? 0): \(status) \(json)")
            items += try #require(json["list"] as? [[String: Any]])
            pages += 1
            guard json["hasMore"] as? Bool == true else { return items }
            marker = try #require(json["marker"] as? Int)
            #expect(json["nextMarker"] as? Int == marker)
            try #require(pages < 1000, "the walk does not end")
        }
    }

    /// The wire's money in cents (a JSON number in dollars).
    static func cents(_ value: Any?) -> Decimal? {
        guard let number = value as? Double, let cents = Int(exactly: (number * 100).rounded()) else { return nil }
        return Decimal(cents)
    }

    /// `amount` holds whole cents, and as many as the wire's.
    static func sameMoney(_ amount: Decimal, _ wire: Any?) -> Bool {
        guard let cents = cents(wire) else { return false }
        return amount * 100 == cents
    }

    static func date(_ text: Any?) -> Date? {
        guard let text = text as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    /// The transaction is the wire's: every field, money to the cent.
    static func matches(_ transaction: FanoutClient.Transaction, _ wire: [String: Any], pendingDays: Bool = true) -> Bool {
        guard let amounts = wire["amounts"] as? [String: Any], let user = wire["user"] as? [String: Any] else { return false }
        let a = transaction.amounts
        return transaction.id == wire["id"] as? String && transaction.kind.rawValue == (wire["type"] ?? "") as? String
            && transaction.createdAt == date(wire["createdAt"]) && transaction.currency == wire["currency"] as? String
            && transaction.description == wire["description"] as? String && transaction.status.rawValue == wire["status"] as? String
            && (!pendingDays || transaction.payoutPendingDays == wire["payoutPendingDays"] as? Int)
            && sameMoney(a.gross, amounts["gross"]) && sameMoney(a.net, amounts["net"]) && sameMoney(a.fee, amounts["fee"])
            && sameMoney(a.vat, amounts["vat"]) && sameMoney(a.tax, amounts["tax"])
            && transaction.fan.id == user["id"] as? Int && transaction.fan.name == user["name"] as? String
            && transaction.fan.username == user["username"] as? String
    }

    static func code(_ expected: String, field: String? = nil) -> @Sendable (any Error) -> Bool {
        { error in
            guard let error = error as? FanoutClientError else { return false }
            return error.code == expected && (field == nil || error.field == field)
        }
    }

    @Test(arguments: StorageBackend.available) func transactionsWalkByMarkerAsTheWire(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let plain = try await Self.plainMarkerWalk(world, "/v2/access/earnings/transactions")
            var walked: [FanoutClient.Transaction] = []
            for try await transaction in client.transactions() { walked.append(transaction) }
            #expect(walked.map(\.id) == plain.map { $0["id"] as? String } && walked.count > 20, "more than one page")
            #expect(Set(walked.map(\.id)).count == walked.count)
            for (transaction, wire) in zip(walked, plain) { #expect(Self.matches(transaction, wire), "\(transaction) \(wire)") }
            // Newest first; the split as documented, exactly in Decimal.
            #expect(zip(walked, walked.dropFirst()).allSatisfy { $0.createdAt >= $1.createdAt })
            for transaction in walked {
                let a = transaction.amounts
                var fee = a.gross * Decimal(string: "0.2")!, rounded = Decimal()
                NSDecimalRound(&rounded, &fee, 2, .down)
                #expect(a.fee == rounded && a.net == a.gross - a.fee && a.gross > 0 && a.vat == 0 && a.tax == 0)
                #expect(transaction.currency == "USD" && transaction.fan.id > 0)
            }
            #expect(walked.contains { $0.kind == .tip } && walked.contains { $0.kind == .chatMessage })

            // One page, and the page after its marker.
            let first = try await client.transactionsPage()
            let marker = try #require(first.next?.marker)
            #expect(first.items.map(\.id) == Array(walked.prefix(first.items.count)).map(\.id) && first.items.count == 20)
            let second = try await client.transactionsPage(marker: marker)
            #expect(second.items.map(\.id) == Array(walked.dropFirst(20).prefix(second.items.count)).map(\.id))

            // The filters, each against the wire's own walk.
            let tips = try await Self.plainMarkerWalk(world, "/v2/access/earnings/transactions?type=tips")
            var walkedTips: [String] = []
            for try await tip in client.transactions(kind: .tip) {
                #expect(tip.kind == .tip)
                walkedTips.append(tip.id)
            }
            #expect(walkedTips == tips.map { $0["id"] as? String } && walkedTips == walked.filter { $0.kind == .tip }.map(\.id))
            var chatTips: [String] = []
            for try await tip in client.transactions(tipsSource: .chat) { chatTips.append(tip.id) }
            #expect(chatTips == walkedTips)
            var messages: [String] = []
            for try await message in client.transactions(kind: .chatMessage) { messages.append(message.id) }
            let plainMessages = try await Self.plainMarkerWalk(world, "/v2/access/earnings/transactions?type=chat_messages")
            #expect(messages == plainMessages.map { $0["id"] as? String })
            #expect(messages == walked.filter { $0.kind == .chatMessage }.map(\.id))
            #expect(try await client.transactionsPage(kind: .subscription).items.isEmpty)
            #expect(try await client.transactionsPage(tipsSource: .story).items.isEmpty)

            let middle = walked[walked.count / 2].createdAt
            var recent: [String] = []
            for try await transaction in client.transactions(since: middle) {
                #expect(transaction.createdAt >= middle)
                recent.append(transaction.id)
            }
            #expect(recent == walked.filter { $0.createdAt >= middle }.map(\.id) && recent.count < walked.count)

            await #expect(performing: { try await client.transactionsPage(kind: .chatMessage, tipsSource: .chat) },
                          throws: Self.code("BAD_REQUEST", field: "tipsSource"))
            await #expect(performing: { try await client.transactionsPage(marker: -1) }, throws: Self.code("BAD_REQUEST", field: "marker"))
            // No earnings:read: refused.
            await #expect(performing: { try await world.client(connection: 2).transactionsPage() }, throws: Self.code("FORBIDDEN"))
        }
    }

    @Test(arguments: StorageBackend.available) func earningsChartIsTheWiresToTheCent(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            // The 30 days up to the newest earning (the demo's are older than the last 30 days).
            let newest = try #require(try await client.transactionsPage().items.first?.createdAt)
            let start = newest.addingTimeInterval(-29 * 86_400)
            let chart = try await client.earningsChart(from: start, to: newest, series: .total)
            let (status, wire) = try await world.plain(
                "GET", "/v2/access/earnings/chart?by=total&startDate=\(Self.day(start))&endDate=\(Self.day(newest))")
            let points = try #require(wire["chart"] as? [[String: Any]])
            #expect(status == 200 && chart.points.count == 30 && points.count == 30)
            for (point, wirePoint) in zip(chart.points, points) {
                #expect(point.date == Self.date(wirePoint["date"]) && Self.sameMoney(point.amount, wirePoint["count"]))
            }
            #expect(Self.sameMoney(chart.total, wire["total"]) && Self.sameMoney(chart.gross, wire["gross"]))
            #expect(chart.total == chart.points.reduce(0) { $0 + $1.amount } && chart.total > 0 && chart.gross >= chart.total)
            #expect(zip(chart.points, chart.points.dropFirst()).allSatisfy { $1.date.timeIntervalSince($0.date) == 86_400 })

            // The series split the total; the ones the sandbox lacks are zero.
            let tips = try await client.earningsChart(from: start, to: newest, series: .tips)
            let messages = try await client.earningsChart(from: start, to: newest, series: .messages)
            #expect(tips.total + messages.total == chart.total && tips.total > 0 && messages.total > 0)
            #expect(try await client.earningsChart(from: start, to: newest, series: .chatTips).points == tips.points)
            #expect(try await client.earningsChart(from: start, to: newest, series: .subscriptions).total == 0)
            // No dates: the last 30 days.
            #expect(try await client.earningsChart().points.count == 30)

            // A range, and by month.
            let last = try #require(chart.points.last?.date), first = try #require(chart.points.first?.date)
            let week = try await client.earningsChart(from: last.addingTimeInterval(-6 * 86_400), to: last)
            #expect(week.points == Array(chart.points.suffix(7)))
            let monthly = try await client.earningsChart(from: first, to: last, monthly: true)
            #expect(monthly.total == chart.total && !monthly.points.isEmpty && monthly.points.count <= 2)
            let calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
            #expect(monthly.points.allSatisfy { calendar.component(.day, from: $0.date) == 1 })
            let (_, monthlyWire) = try await world.plain(
                "GET", "/v2/access/earnings/chart?monthlyTotal=true&startDate=\(Self.day(first))&endDate=\(Self.day(last))")
            #expect((monthlyWire["chart"] as? [[String: Any]])?.map { Self.date($0["date"]) } == monthly.points.map(\.date))

            await #expect(performing: { try await client.earningsChart(from: last, to: first) }, throws: Self.code("BAD_REQUEST", field: "startDate"))
            await #expect(performing: { try await client.earningsChart(from: last.addingTimeInterval(-400 * 86_400), to: last) },
                          throws: Self.code("BAD_REQUEST", field: "endDate"))
            await #expect(performing: { try await world.client(connection: 2).earningsChart() }, throws: Self.code("FORBIDDEN"))
        }
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    @Test(arguments: StorageBackend.available) func chargebacksWalkByMarkerAsTheWire(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let none = try await client.chargebacksPage()
            #expect(none.items.isEmpty && none.next == nil)
            var transactions: [FanoutClient.Transaction] = []
            for try await transaction in client.transactions() { transactions.append(transaction) }
            try #require(transactions.count > 21)
            // More than a page of chargebacks, by the sandbox.
            let taken = Array(transactions.prefix(21))
            for transaction in taken {
                let (status, json) = try await world.plain("POST", "/sandbox/transactions/\(transaction.id)/chargeback")
                try #require(status == 200, "\(status) \(json)")
            }

            let plain = try await Self.plainMarkerWalk(world, "/v2/access/earnings/chargebacks")
            var walked: [FanoutClient.Chargeback] = []
            for try await chargeback in client.chargebacks() { walked.append(chargeback) }
            #expect(walked.count == 21 && walked.map(\.id) == plain.map { $0["id"] as? Int })
            #expect(Set(walked.map(\.payment.id)) == Set(taken.map(\.id)))
            for (chargeback, wire) in zip(walked, plain) {
                let payment = try #require(wire["payment"] as? [String: Any])
                #expect(chargeback.createdAt == Self.date(wire["createdAt"]) && chargeback.payment.kind.rawValue == wire["paymentType"] as? String)
                #expect(Self.matches(chargeback.payment, payment.merging(["type": wire["paymentType"] ?? ""]) { $1 }, pendingDays: false))
                #expect(chargeback.payment.status == .chargeback && chargeback.payment.payoutPendingDays == 0)
                let original = try #require(taken.first { $0.id == chargeback.payment.id })
                #expect(chargeback.payment.amounts == original.amounts && chargeback.payment.createdAt == original.createdAt)
            }
            let first = try await client.chargebacksPage()
            #expect(first.items.count == 20 && first.next != nil)
            let rest = try await client.chargebacksPage(marker: first.next?.marker)
            #expect((first.items + rest.items).map(\.id) == walked.map(\.id) && rest.next == nil)

            // Charged back, a transaction stays listed with its status.
            let again = try await client.transactionsPage()
            #expect(again.items.filter { taken.map(\.id).contains($0.id) }.allSatisfy { $0.status == .chargeback && $0.payoutPendingDays == 0 })

            // The days they were charged back: today (the creator's clock).
            let today = try #require(walked.first?.createdAt)
            var sameDay: [Int] = []
            for try await chargeback in client.chargebacks(from: today, to: today) { sameDay.append(chargeback.id) }
            #expect(sameDay == walked.map(\.id))
            #expect(try await client.chargebacksPage(from: today.addingTimeInterval(-10 * 86_400), to: today.addingTimeInterval(-5 * 86_400)).items.isEmpty)
            await #expect(performing: { try await client.chargebacksPage(marker: -1) }, throws: Self.code("BAD_REQUEST", field: "marker"))
            await #expect(performing: { try await world.client(connection: 2).chargebacksPage() }, throws: Self.code("FORBIDDEN"))
        }
    }
}
