public import Foundation

extension FanoutClient {
    /// One page of the mass messages that sold, newest first (`limit` 1–100).
    public func purchasedMassMessagesPage(limit: Int = 20, offset: Int = 0) async throws -> Page<MassMessageAnalytics> {
        let page = try await call { try await api.listPurchasedMassMessages(query: .init(limit: limit, offset: offset)).ok.body.json }
        return Page(items: try page.items.map(MassMessageAnalytics.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every mass message that sold, newest first, page by page by offset.
    public func purchasedMassMessages(pageSize: Int = 20) -> PagedSequence<MassMessageAnalytics> {
        .byOffset { offset in try await purchasedMassMessagesPage(limit: pageSize, offset: offset) }
    }

    /// Per UTC day from `start` to `end` (both included; default the 30 days
    /// to today, at most 366): mass and direct messages and their purchases.
    public func massMessagesChart(from start: Date? = nil, to end: Date? = nil) async throws -> MassMessagesChart {
        try MassMessagesChart(try await call {
            try await api.getMassMessagesChart(query: .init(startDate: start.map(WireValue.string), endDate: end.map(WireValue.string)))
                .ok.body.json
        })
    }

    /// The mass messages sent from `start` to `end` (default the last 30
    /// days), newest first, at most `limit` (1–100); the range does not page.
    public func sentMassMessages(from start: Date? = nil, to end: Date? = nil, limit: Int = 20) async throws -> SentMassMessages {
        let page = try await call {
            try await api.listSentMassMessages(query: .init(startDate: start.map(WireValue.string), endDate: end.map(WireValue.string), limit: limit))
                .ok.body.json
        }
        return SentMassMessages(items: try page.items.map(MassMessageAnalytics.init), hasMore: page.hasMore)
    }

    /// One page of a mass message's buyers, most recent purchase first:
    /// after `marker` (the previous page's ``PageCursor/marker``) when given
    /// (`limit` 1–20; 404 for a mass message not of this connection).
    public func buyersPage(massMessageID: Int, marker: Int? = nil, limit: Int = 20) async throws -> Page<User> {
        let page = try await call {
            try await api.listMassMessageBuyers(path: .init(massMessageId: String(massMessageID)), query: .init(limit: limit, marker: marker))
                .ok.body.json
        }
        let next = page.hasMore ? (page.nextMarker ?? page.marker) : nil
        return Page(items: page.list.map(User.init), next: next.map { .marker($0) })
    }

    /// Every buyer of a mass message, most recent purchase first, walked by marker.
    public func buyers(massMessageID: Int, pageSize: Int = 20) -> PagedSequence<User> {
        .byMarker { marker in try await buyersPage(massMessageID: massMessageID, marker: marker, limit: pageSize) }
    }
}
