public import Foundation

extension FanoutClient {
    /// One page of the creator's subscribers, newest subscription first
    /// (`limit` 1–100). `query` matches name or username; with
    /// ``SubscriberType/latest``, `from` and `to` bound the days (UTC) they
    /// subscribed in.
    public func subscribersPage(
        type: SubscriberType? = nil, query: String? = nil, from start: Date? = nil, to end: Date? = nil,
        latestType: LatestSubscriberType? = nil, filter: SubscriberFilter? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Page<Subscriber> {
        let page = try await call {
            try await api.listSubscribers(query: .init(
                _type: type?.wire, query: query, startDate: start.map(WireValue.string), endDate: end.map(WireValue.string),
                latestType: latestType?.wire, filter: filter?.wire, limit: limit, offset: offset)).ok.body.json
        }
        return Page(items: try page.list.map(Subscriber.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every subscriber the filters keep, page by page (by offset).
    public func subscribers(
        type: SubscriberType? = nil, query: String? = nil, from start: Date? = nil, to end: Date? = nil,
        latestType: LatestSubscriberType? = nil, filter: SubscriberFilter? = nil, pageSize: Int = 20
    ) -> PagedSequence<Subscriber> {
        .byOffset { offset in
            try await subscribersPage(
                type: type, query: query, from: start, to: end, latestType: latestType, filter: filter, limit: pageSize, offset: offset)
        }
    }

    /// The creator's private note about a subscriber (now or before),
    /// at most 1,000 characters; an empty note clears it. It shows as the
    /// user's ``User/note``.
    public func setSubscriberNote(userID: Int, _ note: String, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberNote(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(notice: note))
            ).ok.body.json
        }
    }

    /// The name the creator sees a subscriber by (1–100 characters): the
    /// user's ``User/customName``.
    public func setSubscriberCustomName(userID: Int, _ name: String, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberCustomName(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(displayName: name))
            ).ok.body.json
        }
    }

    /// `percent` (5–60) off a subscriber's next `months` (1–12) monthly
    /// periods, from now; it replaces an earlier discount.
    public func setSubscriberDiscount(userID: Int, percent: Int, months: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.setSubscriberDiscount(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(discount: percent, period: months))
            ).ok.body.json
        }
    }
}
