import Foundation

extension FanoutClient {
    /// One page of the mass messages that sold, newest first (`limit` 1–100).
    public func purchasedMassMessagesPage(limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.PurchasedItemList {
        try await call { try await api.listPurchasedMassMessages(query: .init(limit: limit, offset: offset)).ok.body.json }
    }

    /// Every mass message that sold, page by page (by offset, until `hasMore` is false).
    public func purchasedMassMessages(pageSize: Int = 20) -> PagedSequence<PurchasedMassMessage> {
        PagedSequence(first: .offset(0)) { cursor in
            guard case .offset(let offset) = cursor else { return .init(items: [], next: nil) }
            let page = try await purchasedMassMessagesPage(limit: pageSize, offset: offset)
            return .init(items: page.items, next: page.hasMore ? .offset(offset + page.items.count) : nil)
        }
    }

    /// Daily counts of mass and direct messages and their purchases between two dates.
    public func massMessagesChart(from start: Date? = nil, to end: Date? = nil, withTotal: Bool? = nil) async throws -> Chart {
        try await call {
            try await api.getMassMessagesChart(query: .init(startDate: start.map(Self.wireDate), endDate: end.map(Self.wireDate), withTotal: withTotal))
                .ok.body.json
        }
    }

    /// The mass messages sent between two dates, with their sales.
    public func sentMassMessages(from start: Date? = nil, to end: Date? = nil, limit: Int = 20) async throws -> Components.Schemas.PurchasedItemList {
        try await call {
            try await api.listSentMassMessages(query: .init(startDate: start.map(Self.wireDate), endDate: end.map(Self.wireDate), limit: limit))
                .ok.body.json
        }
    }

    /// One page of a mass message's buyers, most recent purchase first:
    /// after `marker` (the previous page's `nextMarker`) when given.
    public func buyersPage(massMessageID: Int, marker: Int? = nil, limit: Int = 20) async throws -> Components.Schemas.BuyerPage {
        try await call {
            try await api.listMassMessageBuyers(path: .init(massMessageId: String(massMessageID)), query: .init(limit: limit, marker: marker))
                .ok.body.json
        }
    }

    /// Every buyer of a mass message, walked by `marker`.
    public func buyers(massMessageID: Int, pageSize: Int = 20) -> PagedSequence<ListUser> {
        PagedSequence(first: nil) { cursor in
            var marker: Int?
            if case .marker(let value) = cursor { marker = value }
            let page = try await buyersPage(massMessageID: massMessageID, marker: marker, limit: pageSize)
            return .init(items: page.list, next: page.hasMore ? page.nextMarker.map { .marker($0) } : nil)
        }
    }

    static func wireDate(_ date: Date) -> String { date.formatted(.iso8601) }
}
