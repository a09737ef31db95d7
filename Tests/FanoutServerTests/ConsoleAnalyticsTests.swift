import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// The console's analytics: the four series drawn from the API's chart, the
/// bought mass messages, their buyers; the permission as in the API.
@Suite struct ConsoleAnalyticsTests {
    @Test func theChartAndTheBuyersAreTheAPIs() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                #expect(try await browser.get("/console/analytics").status == .ok)
                for kind in ActivityKind.allCases { #expect(browser.html.contains(#"data-kind="\#(kind.rawValue)""#)) }
                let total = try await api.get("/v2/access/analytics/mass-messages/chart", as: world.owner)
                    .decode(Components.Schemas.MassMessageChart.self).groupMessages.total
                #expect(browser.html.contains("Mass messages delivered: \(total) "), "the legend's total is the API's")

                let purchased = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=20", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self).items
                let top = try #require(purchased.first)
                #expect(browser.html.contains(#"<li data-id="\#(top.id)">"#))
                #expect(try await browser.get("/console/analytics/mass-messages/\(top.id)/buyers").status == .ok)
                let buyers = try await api.get("/v2/access/analytics/mass-messages/\(top.id)/buyers?limit=20", as: world.owner)
                    .decode(Components.Schemas.BuyerPage.self).list
                #expect(!buyers.isEmpty)
                for buyer in buyers { #expect(browser.html.contains(#"data-fan="\#(buyer.id)""#)) }
            }
        }
    }

    @Test func withoutAnalyticsReadTheConsoleRefusesAsTheAPIDoes() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.readOnly.apiKey, connection: world.readOnly.connectionID)
                let page = try await browser.get("/console/analytics")
                #expect(page.status == .forbidden && browser.html.contains("analytics:read"))
            }
        }
    }
}
