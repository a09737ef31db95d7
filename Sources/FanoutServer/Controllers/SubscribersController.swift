import FanoutAPI
import FanoutCore
import Hummingbird

/// `/v2/access/subscribers` and `/v2/access/users/:userId`: the people of a creator's audience.
struct SubscribersController {
    let service: SubscriberService
    let mapper: WireMapper
    /// The creator's nickname and note, shown on a user.
    let details: SubscriberDetailService

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("subscribers", use: list)
        group.get("users/:userId", use: user)
    }

    enum Kind: String, CaseIterable { case all, active, expired, latest }
    enum LatestType: String, CaseIterable { case total, new, renewals }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .subscribersRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20)
        let search = try parameters.text("query", maxLength: 100)
        let filter = try parameters.subscriberFilter() ?? SubscriberFilter()
        let latestType = try parameters.choice("latestType", as: LatestType.self)
        let kind: SubscriberQuery.Kind
        switch try parameters.choice("type", as: Kind.self) ?? .all {
        case .all: kind = .all
        case .active: kind = .active
        case .expired: kind = .expired
        case .latest:
            let now = mapper.clock.now(creatorID: connection.creatorID)
            let days = try parameters.dayRange(now: now) ?? DayRange.lastThirtyDays(now: now)
            // The sandbox has no renewals: every subscription it holds is new.
            if latestType == .renewals {
                return try JSONResponse.make(Components.Schemas.SubscriberPage(list: [], hasMore: false))
            }
            kind = .latest(days)
        }
        let subscribers = try await service.subscribers(
            creatorID: connection.creatorID, query: SubscriberQuery(kind: kind, search: search, page: page, filter: filter))
        return try JSONResponse.make(Components.Schemas.SubscriberPage(list: subscribers.items.map { mapper.subscriber($0, creatorID: connection.creatorID) }, hasMore: subscribers.hasMore))
    }

    @Sendable func user(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .profileRead)
        let id = try RequestParameters(request, context: context).pathID("userId")
        let user = try await service.user(id: id, creatorID: connection.creatorID)
        let detail = try await details.account(creatorID: connection.creatorID, fanID: id).detail
        return try JSONResponse.make(Components.Schemas.NotedUser(
            value1: mapper.user(user), value2: .init(displayName: detail.displayName, notice: detail.notice)))
    }
}
