import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// `/v2/access/analytics/mass-messages/…`.
struct AnalyticsController {
    let service: AnalyticsService
    let users: ChatService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>, routes: RouteTable) {
        group.on("analytics/mass-messages/purchased", method: .get, routes: routes, prefix: "/v2/access", use: purchased)
    }

    @Sendable func purchased(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .analyticsRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20, nullableOffset: true)
        let result = try await service.purchasedMassMessages(creatorID: connection.creatorID, page: page)
        return try JSONResponse.make(Components.Schemas.PurchasedItemList(
            hasMore: result.hasMore, items: result.items.map(mapper.purchasedItem)))
    }
}
