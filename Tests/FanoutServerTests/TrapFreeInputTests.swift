import FanoutCore
@testable import FanoutConsole
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// Requests carrying values that once reached a trapping operation: each is
/// a 400 naming its field (or a value clamped), and the server answers after.
@Suite struct TrapFreeInputTests {
    static func field(of error: FanoutError) -> String? {
        if case .badRequest(_, let field, _) = error { return field }
        return nil
    }

    @Test(arguments: ["99999999999999999", "9223372036854775807.99", "200.01"])
    func aConsoleAmountTooLargeIsAnErrorNamingTheField(tip: String) throws {
        // Issue 29, item 2: `whole * 100` on 99999999999999999 stopped the server.
        let form = ConsoleForm(encoded: "tip=\(tip)&price=\(tip)")
        for name in ["tip", "price"] {
            #expect(throws: FanoutError.self) { try form.money(name, maximum: MessageContent.maxPrice) }
            do { _ = try form.money(name, maximum: MessageContent.maxPrice) } catch {
                #expect(Self.field(of: error) == name)
                #expect(error.description.contains("at most 200"))
            }
        }
        #expect(try ConsoleForm(encoded: "tip=2.5").money("tip", maximum: MessageContent.maxPrice) == Money(cents: 250))
    }

    @Test(arguments: [1e300, Double.infinity, -1, 200.001] as [Double])
    func aJSONPriceOutOfRangeIsAnErrorNamingTheField(price: Double) {
        #expect(throws: FanoutError.self) { try ParameterParsing.money(price, name: "price", maximum: MessageContent.maxPrice) }
        do { _ = try ParameterParsing.money(price, name: "price", maximum: MessageContent.maxPrice) } catch {
            #expect(Self.field(of: error) == "price")
        }
    }

    @Test func queryNumbersPastIntAreRefusedOrReadAsPastEveryRow() throws {
        #expect(throws: FanoutError.self) { try ParameterParsing.integer("99999999999999999999", name: "limit", in: 1...100) }
        #expect(try ParameterParsing.integer("99999999999999999999", name: "offset", in: 0...Int.max) == Int.max)
        #expect(try ParameterParsing.id("99999999999999999999", name: "chatId") == Int64.max)
        #expect(throws: FanoutError.self) { try ParameterParsing.smallInteger("9999999999", name: "partNumber") }
    }

    @Test func datesOutsideFourDigitYearsAreWrittenAsTheNearestEnd() {
        // A sandbox clock advanced by Int.max seconds, or a row's date.
        #expect(Timestamp.string(Date(timeIntervalSince1970: 9.2e18)) == "9999-12-31T23:59:59+00:00")
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59+00:00")
        #expect(Timestamp.string(Date(timeIntervalSince1970: -1e300)) == "0000-01-01T00:00:00+00:00")
        #expect(Timestamp.string(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00+00:00")
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1_790_000_000)) == "2026-09-21T14:13:20+00:00")
    }

    @Test func aHugeTipInTheConsoleIsAFormErrorAndTheServerAnswersAfter() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                _ = try await browser.get("/console/chats/\(fan)")
                let huge = try await browser.post("/console/chats/\(fan)/fan-messages", ["text": "", "tip": "99999999999999999"])
                #expect(huge.status == .badRequest && browser.html.contains(#"id="fanTextError""#))
                #expect(browser.html.contains("tip must be more than 0 and at most 200"))
                #expect(try await browser.get("/console/chats/\(fan)").status == .ok, "the server answers after")
            }
        }
    }
}
