import Foundation

extension FanoutClient {
    public typealias TransactionType = Operations.ListTransactions.Input.Query._TypePayload
    public typealias TipsSource = Operations.ListTransactions.Input.Query.TipsSourcePayload
    public typealias EarningsSeries = Operations.GetEarningsChart.Input.Query.ByPayload

    /// One page of the creator's transactions, newest first: after `marker`
    /// (the previous page's `marker`) when given.
    public func transactionsPage(
        type: TransactionType? = nil, tipsSource: TipsSource? = nil, since: Date? = nil, marker: Int? = nil
    ) async throws -> Components.Schemas.TransactionPage {
        try await call {
            try await api.listTransactions(query: .init(
                startDate: since.map(Self.wireDate), marker: marker, _type: type, tipsSource: tipsSource)).ok.body.json
        }
    }

    /// Every transaction, page by page (by marker, until `hasMore` is false).
    public func transactions(type: TransactionType? = nil, tipsSource: TipsSource? = nil, since: Date? = nil) -> PagedSequence<Components.Schemas.Transaction> {
        PagedSequence { cursor in
            var marker: Int?
            if case .marker(let next) = cursor { marker = next }
            let page = try await transactionsPage(type: type, tipsSource: tipsSource, since: since, marker: marker)
            return .init(items: page.list, next: page.hasMore ? .marker(page.marker) : nil)
        }
    }

    /// Net earnings per day (or month) between two dates.
    public func earningsChart(
        from start: Date? = nil, to end: Date? = nil, by series: EarningsSeries? = nil, monthly: Bool? = nil
    ) async throws -> Components.Schemas.EarningsChart {
        try await call {
            try await api.getEarningsChart(query: .init(
                startDate: start.map(Self.wireDate), endDate: end.map(Self.wireDate), by: series, monthlyTotal: monthly)).ok.body.json
        }
    }

    /// One page of chargebacks, newest first, after `marker` when given.
    public func chargebacksPage(from start: Date? = nil, to end: Date? = nil, marker: Int? = nil) async throws -> Components.Schemas.ChargebackPage {
        try await call {
            try await api.listChargebacks(query: .init(startDate: start.map(Self.wireDate), endDate: end.map(Self.wireDate), marker: marker))
                .ok.body.json
        }
    }

    /// The creator's private note about a subscriber (empty clears it).
    public func setSubscriberNote(userID: Int, _ notice: String, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberNote(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(notice: notice))
            ).ok.body.json
        }
    }

    /// The name the creator sees a subscriber by (1–100 characters).
    public func setSubscriberCustomName(userID: Int, _ displayName: String, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberCustomName(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(displayName: displayName))
            ).ok.body.json
        }
    }

    /// `percent` (5–60) off a subscriber's next `months` (1–12) periods.
    public func setSubscriberDiscount(userID: Int, percent: Int, months: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberDiscount(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(discount: percent, period: months))
            ).ok.body.json
        }
    }
}
