import FanoutCore
import Foundation
import Hummingbird

/// The analytics pages: the four daily series as a chart, the bought mass
/// messages, and who bought one.
extension ConsoleController {
    func registerAnalytics(on routes: RouteCollection<Context>) {
        routes.get("analytics", use: analyticsPage)
        routes.get("analytics/mass-messages/:id/buyers", use: buyersPage)
    }

    @Sendable func analyticsPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.analyticsRead)
        let chart = try await analytics.chart(creatorID: connection.creatorID, range: nil)
        let purchased = try await analytics.purchasedMassMessages(creatorID: connection.creatorID, page: PageRequest(limit: 20, offset: 0))
        return renderer.page("analytics", ConsoleViews.analytics(
            chart, purchased: purchased.items, csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, analytics: true)))
    }

    @Sendable func buyersPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.analyticsRead)
        let id = try Self.pathID(context, "id")
        let marker = request.uri.queryParameters["marker"].flatMap { Int64(String($0)) }
        let message = try await massMessages.get(id: id, creatorID: connection.creatorID)
        let page = try await analytics.buyers(massMessageID: id, creatorID: connection.creatorID, before: marker, page: PageRequest(limit: 20, offset: 0))
        return renderer.page("buyers", ConsoleViews.Buyers(
            text: message.text.isEmpty ? "mass message \(id)" : message.text,
            buyers: page.items.map { ConsoleViews.Buyer(id: $0.user.id, name: $0.user.name, username: $0.user.username) },
            next: page.hasMore ? page.items.last.map { "/console/analytics/mass-messages/\(id)/buyers?marker=\($0.marker)" } : nil,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, analytics: true)))
    }
}
