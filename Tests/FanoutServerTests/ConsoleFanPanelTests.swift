import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// Beside a chat in the console: the fan's spend, nickname and note, and the
/// form that edits the last two (CSRF-protected as every console form).
@Suite struct ConsoleFanPanelTests {
    @Test func theChatShowsTheFansSpendAndEditsTheirNoteAndNickname() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                let subscriber = try #require(try await SubscribersEndpointTests.all(api, world.owner, "/v2/access/subscribers").first { $0.id == fan })
                #expect(try await browser.get("/console/chats/\(fan)").status == .ok)
                let spent = Money(cents: Int64((subscriber.spending.total * 100).rounded())).decimalString
                #expect(browser.html.contains(#"id="fanSpent">$\#(spent)<"#), "the spend the API shows")

                let forged = try await browser.post("/console/chats/\(fan)/details", ["notice": "forged", "displayName": "x"], csrf: "")
                #expect(forged.status == .forbidden)
                _ = try await browser.get("/console/chats/\(fan)")
                let saved = try await browser.post("/console/chats/\(fan)/details", ["notice": "Asked for <b>beach</b> set", "displayName": "Beachy"])
                #expect(saved.status == .seeOther && saved.headers[.location] == "/console/chats/\(fan)")
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(browser.html.contains(#"id="fanNickname">Beachy<"#))
                #expect(browser.html.contains("Asked for &lt;b&gt;beach&lt;/b&gt; set"), "the note, escaped")
                let user = try await api.get("/v2/access/users/\(fan)", as: world.owner).decode(Components.Schemas.NotedUser.self)
                #expect(user.value2.displayName == "Beachy" && user.value2.notice == "Asked for <b>beach</b> set")

                let tooLong = try await browser.post("/console/chats/\(fan)/details", ["notice": String(repeating: "n", count: 1_001), "displayName": ""])
                #expect(tooLong.status == .badRequest && browser.html.contains("fanDetailError"))
                _ = try await browser.get("/console/chats/\(fan)")
                let cleared = try await browser.post("/console/chats/\(fan)/details", ["notice": "", "displayName": ""])
                #expect(cleared.status == .seeOther)
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(!browser.html.contains("fanNickname\">") && !browser.html.contains("id=\"fanNotice\""), "both cleared")
            }
        }
    }
}
