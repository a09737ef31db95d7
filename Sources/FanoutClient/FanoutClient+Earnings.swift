public import Foundation

extension FanoutClient {
    /// One page of the creator's transactions, newest first (20 a page):
    /// after `marker` (the previous page's `next?.marker`) when given; only
    /// those of `kind`, tips from `tipsSource` (with `kind` nil or `.tip`:
    /// else a 400 naming `tipsSource`), none older than `since`, when given.
    public func transactionsPage(
        kind: Transaction.Kind? = nil, tipsSource: TipsSource? = nil, since: Date? = nil, marker: Int? = nil
    ) async throws -> Page<Transaction> {
        let page = try await call {
            try await api.listTransactions(query: .init(
                startDate: since.map(WireValue.string), marker: marker, _type: kind?.wire, tipsSource: tipsSource?.wire)).ok.body.json
        }
        return try Self.markerPage(try page.list.map(Transaction.init), hasMore: page.hasMore, marker: page.marker, after: marker)
    }

    /// Every transaction, newest first, page by page (by marker).
    public func transactions(kind: Transaction.Kind? = nil, tipsSource: TipsSource? = nil, since: Date? = nil) -> PagedSequence<Transaction> {
        .byMarker { marker in try await transactionsPage(kind: kind, tipsSource: tipsSource, since: since, marker: marker) }
    }

    /// Net earnings per UTC day from `start` to `end` (both nil: the last 30
    /// days; at most 366), or per month when `monthly`; `series` (default
    /// `.total`) says which earnings count.
    public func earningsChart(
        from start: Date? = nil, to end: Date? = nil, series: EarningsChart.Series? = nil, monthly: Bool? = nil
    ) async throws -> EarningsChart {
        try EarningsChart(try await call {
            try await api.getEarningsChart(query: .init(
                startDate: start.map(WireValue.string), endDate: end.map(WireValue.string), by: series?.wire, monthlyTotal: monthly)).ok.body.json
        })
    }

    /// One page of chargebacks, newest first (20 a page), after `marker`
    /// when given; charged back between the days of `start` and `end` (UTC,
    /// both included) when given.
    public func chargebacksPage(from start: Date? = nil, to end: Date? = nil, marker: Int? = nil) async throws -> Page<Chargeback> {
        let page = try await call {
            try await api.listChargebacks(query: .init(startDate: start.map(WireValue.string), endDate: end.map(WireValue.string), marker: marker))
                .ok.body.json
        }
        return try Self.markerPage(try page.list.map(Chargeback.init), hasMore: page.hasMore, marker: page.marker, after: marker)
    }

    /// Every chargeback, newest first, page by page (by marker).
    public func chargebacks(from start: Date? = nil, to end: Date? = nil) -> PagedSequence<Chargeback> {
        .byMarker { marker in try await chargebacksPage(from: start, to: end, marker: marker) }
    }

    /// A marker-paged list's page: the next starts at `marker` while
    /// `hasMore`. A marker of 0, or the one this page was asked with, would
    /// walk nowhere or in a circle: the answer is invalid.
    private static func markerPage<Item>(_ items: [Item], hasMore: Bool, marker: Int, after previous: Int?) throws -> Page<Item> {
        guard hasMore else { return Page(items: items, next: nil) }
        guard marker > 0, marker != previous else { throw FanoutClientError.invalidResponse(field: "marker", value: String(marker)) }
        return Page(items: items, next: .marker(marker))
    }
}
