import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// The web console through the router: sign-in and its cookie, a session
/// held to its organization, forms refused without the session's token or
/// from another site, and chats read and written through the API's rules.
@Suite struct ConsoleTests {
    @Test func signingInSetsAStrictHttpOnlyCookieThatIsNotTheKey() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                let start = try await browser.get("/console")
                #expect(start.status == .seeOther && start.headers[.location] == "/console/sign-in")
                #expect(try await browser.get("/console/sign-in").status == .ok && browser.html.contains(#"name="apiKey""#))

                let wrong = try await browser.post("/console/sign-in", ["apiKey": "sk_sandbox_wrong"])
                #expect(wrong.status == .unauthorized && browser.html.contains("Invalid API key"))
                #expect(wrong.headers[.setCookie] == nil && browser.cookie == nil)

                let signedIn = try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey])
                #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/console/connections")
                let cookie = try #require(signedIn.headers[.setCookie])
                for flag in ["HttpOnly", "SameSite=Strict", "Path=/console"] { #expect(cookie.contains(flag), "cookie has \(flag)") }
                #expect(!cookie.contains(world.owner.apiKey), "the cookie is a session id, never the key")

                let connections = try await browser.get("/console/connections")
                #expect(connections.status == .ok)
                for connection in world.credentials.organizations[0].connections { #expect(browser.html.contains(connection.id)) }
                for connection in world.credentials.organizations[1].connections { #expect(!browser.html.contains(connection.id)) }
                #expect(connections.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            }
        }
    }

    @Test func aSessionReachesOnlyItsOrganizationsConnections() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                _ = try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey])
                _ = try await browser.get("/console/connections")
                let theirs = try await browser.post("/console/connections", ["connectionId": world.otherTenant.connectionID])
                #expect(theirs.status == .badRequest && browser.html.contains("No such connection"))
                let chats = try await browser.get("/console/chats")
                #expect(chats.status == .seeOther && chats.headers[.location] == "/console/connections", "no connection was chosen")
            }
        }
    }

    @Test func formsWithoutTheSessionsTokenOrFromAnotherSiteAreRefused() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                let before = try await Self.newestMessageID(api, world, fan: fan)
                _ = try await browser.get("/console/chats/\(fan)")
                let noToken = try await browser.post("/console/chats/\(fan)/messages", ["text": "forged"], csrf: "")
                #expect(noToken.status == .forbidden)
                let wrongToken = try await browser.post("/console/chats/\(fan)/messages", ["text": "forged"], csrf: "x" + String(repeating: "A", count: 42))
                #expect(wrongToken.status == .forbidden)
                _ = try await browser.get("/console/chats/\(fan)")
                let crossSite = try await browser.post("/console/chats/\(fan)/messages", ["text": "forged"], origin: "https://evil.example")
                #expect(crossSite.status == .forbidden && browser.html.contains("Cross-site"))
                #expect(try await Self.newestMessageID(api, world, fan: fan) == before, "nothing was sent")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aMessageSentFromTheConsoleIsInTheChatAndTheAPI(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                #expect(try await browser.get("/console/chats").status == .ok && browser.html.contains(#"data-fan="\#(fan)""#))
                #expect(try await browser.get("/console/chats/\(fan)").status == .ok)
                let sent = try await browser.post("/console/chats/\(fan)/messages", ["text": "Hello from the console <b>&</b>"])
                #expect(sent.status == .seeOther && sent.headers[.location] == "/console/chats/\(fan)")
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(browser.html.contains("Hello from the console &lt;b&gt;&amp;&lt;/b&gt;"), "shown, escaped")
                let newest = try await api.get("/v2/access/chats/\(fan)/messages?limit=1", as: world.owner).decode(Components.Schemas.MessageList.self)
                #expect(newest.list.first?.value1.text == "Hello from the console <b>&</b>")

                // The API's rules: an empty message is refused beside the form.
                let empty = try await browser.post("/console/chats/\(fan)/messages", ["text": ""])
                #expect(empty.status == .badRequest && browser.html.contains(#"id="creatorTextError""#))
            }
        }
    }

    @Test func replyingAsTheFanMovesTheUnreadCount() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                let unread = { try await ChatsEndpointTests.all(api, world.owner).first { $0.withUser.id == fan }?.unreadMessagesCount ?? 0 }
                let before = try await unread()
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(try await browser.post("/console/chats/\(fan)/fan-messages", ["text": "A fan replies", "tip": "2.50"]).status == .seeOther)
                #expect(try await unread() == before + 1)
                _ = try await browser.get("/console/chats?filter=unread")
                #expect(browser.html.contains(#"data-unread="\#(before + 1)""#))
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(browser.html.contains("A fan replies") && browser.html.contains("tip $2.5"))
                let bad = try await browser.post("/console/chats/\(fan)/fan-messages", ["text": "", "tip": "lots"])
                #expect(bad.status == .badRequest && browser.html.contains(#"id="fanTextError""#))
            }
        }
    }

    @Test func aConnectionWithoutWritePermissionCannotSend() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.readOnly.apiKey, connection: world.readOnly.connectionID)
                let fan = try #require(try await ChatsEndpointTests.all(api, world.readOnly).first?.withUser.id)
                _ = try await browser.get("/console/chats/\(fan)")
                let refused = try await browser.post("/console/chats/\(fan)/messages", ["text": "not allowed"])
                #expect(refused.status == .forbidden && browser.html.contains("messages:write"))
            }
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                _ = try await browser.get("/console/chats")
                let old = browser.cookie
                let out = try await browser.post("/console/sign-out", [:])
                #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
                browser.cookie = old
                let after = try await browser.get("/console/chats")
                #expect(after.status == .seeOther && after.headers[.location] == "/console/sign-in", "the old cookie names no session")
            }
        }
    }

    @Test func theSandboxPageShowsTheClockAndTheWebhookDeliveries() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                let endpoint = try await api.send("/webhooks", method: .post, as: key, json: ["url": "https://hooks.example/fanout"])
                    .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                let event = try await api.send("/webhooks/\(endpoint)/test", method: .post, headers: key.headers)
                    .decode(Components.Schemas.WebhookTestQueued.self).eventId
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                #expect(try await browser.get("/console/sandbox").status == .ok)
                #expect(browser.html.contains("https://hooks.example/fanout") && browser.html.contains(event))
                #expect(browser.html.contains("<td>webhook.test</td><td>0</td><td>–</td><td>pending</td>"), "not attempted yet")
                #expect(browser.html.contains(#"datetime="\#(Timestamp.string(world.clock.now()))""#), "the sandbox clock")
                // Another organization's endpoints are not shown.
                var other = ConsoleBrowser(api)
                try await other.signIn(apiKey: world.otherTenant.apiKey, connection: world.otherTenant.connectionID)
                _ = try await other.get("/console/sandbox")
                #expect(!other.html.contains("hooks.example") && other.html.contains("No webhook endpoints"))
            }
        }
    }

    @Test(arguments: [(sandbox: false, console: true), (sandbox: true, console: false)])
    func theConsoleIsOffWithoutTheSandboxOrWithNoConsole(switches: (sandbox: Bool, console: Bool)) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(sandbox: switches.sandbox, console: switches.console) { api in
                let page = try await api.send("/console/sign-in", method: .get, headers: [:])
                #expect(page.status == .notFound)
            }
        }
    }

    static func newestMessageID(_ api: APIClient, _ world: TestWorld, fan: Int) async throws -> Int? {
        try await api.get("/v2/access/chats/\(fan)/messages?limit=1", as: world.owner).decode(Components.Schemas.MessageList.self).list.first?.value1.id
    }
}
