import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// `/v2/access/analytics/mass-messages/…`.
struct AnalyticsController {
    let service: AnalyticsService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("analytics/mass-messages/purchased", use: purchased)
        group.get("analytics/mass-messages/sent", use: sent)
        group.get("analytics/mass-messages/chart", use: chart)
        group.get("analytics/mass-messages/:massMessageId/buyers", use: buyers)
    }

    @Sendable func purchased(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .analyticsRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20, nullableOffset: true)
        let result = try await service.purchasedMassMessages(creatorID: connection.creatorID, page: page)
        return JSONResponse.make(bytes: mapper.purchasedItemListBody(result))
    }

    @Sendable func sent(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .analyticsRead)
        let parameters = RequestParameters(request, context: context)
        let result = try await service.sentMassMessages(
            creatorID: connection.creatorID, range: try parameters.dayRange(now: mapper.clock.now(creatorID: connection.creatorID)),
            limit: try parameters.integer("limit", in: 1...100, default: 20))
        return try JSONResponse.make(Components.Schemas.PurchasedItemList(
            hasMore: result.hasMore, items: result.items.map(mapper.purchasedItem)))
    }

    @Sendable func chart(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .analyticsRead)
        let parameters = RequestParameters(request, context: context)
        _ = try parameters.boolean("withTotal")
        let series = try await service.chart(creatorID: connection.creatorID, range: try parameters.dayRange(now: mapper.clock.now(creatorID: connection.creatorID)))
        func wire(_ kind: ActivityKind) -> Components.Schemas.ChartSeries {
            let value = series[kind]!
            return .init(chart: value.points.map { .init(date: $0.day, count: $0.count) }, total: value.total, delta: value.delta,
                         gross: value.gross.doubleValue)
        }
        return try JSONResponse.make(Components.Schemas.MassMessageChart(
            groupMessages: wire(.groupMessages), groupMessagesPurchases: wire(.groupMessagesPurchases),
            directMessages: wire(.directMessages), directMessagesPurchases: wire(.directMessagesPurchases)))
    }

    @Sendable func buyers(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .analyticsRead)
        let parameters = RequestParameters(request, context: context)
        let marker = try parameters.integer("marker", in: 1...Int.max)
        let page = try await service.buyers(
            massMessageID: try parameters.pathID("massMessageId"), creatorID: connection.creatorID,
            before: marker.map(Int64.init), page: try parameters.page(maxLimit: 20, defaultLimit: 10))
        let next = page.hasMore ? page.items.last.map { Int($0.marker) } : nil
        return try JSONResponse.make(Components.Schemas.BuyerPage(
            list: page.items.map { mapper.listUser($0.user) }, hasMore: page.hasMore, nextMarker: next, marker: next))
    }
}
