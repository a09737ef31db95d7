import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// The console's mass-message and sandbox pages through the router:
/// compose with the API's rules beside the fields, the lists and their
/// progress, edit and unsend a scheduled one, the clock.
@Suite struct ConsoleMassMessageTests {
    @Test(arguments: StorageBackend.available) func aComposedMassMessageFansOutAndShowsAsSent(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient(console: true) { api in
                try await world.fanOut.drain()
                // A list of two subscribers: the mass message goes to them alone.
                let vips = try await UserListsEndpointTests.create(api, world.owner, "Console VIPs")
                let fans = try await ChatsEndpointTests.all(api, world.owner).filter { $0.canSendMessage == true }.prefix(2).map(\.withUser.id)
                for fan in fans { _ = try await UserListsEndpointTests.add(api, world.owner, fan, to: vips.id) }
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                #expect(try await browser.get("/console/mass-messages/new").status == .ok)
                let media = try #require(Self.values(named: "media", in: browser.html).first)
                #expect(Self.values(named: "list", in: browser.html).contains(vips.id))

                // A price with nothing to unlock: the API's rule, beside the price field, the text kept.
                let refused = try await browser.post("/console/mass-messages", ["text": "Hello list", "price": "5"])
                #expect(refused.status == .badRequest && browser.html.contains(#"id="priceError""#))
                #expect(browser.html.contains(">Hello list</textarea>"))

                _ = try await browser.get("/console/mass-messages/new")
                let created = try await browser.post(
                    "/console/mass-messages", ["text": "Hello list", "price": "5", "media": String(media), "list": String(vips.id)])
                #expect(created.status == .seeOther && created.headers[.location] == "/console/mass-messages?type=unsent")
                _ = try await browser.get("/console/mass-messages?type=unsent")
                let id = try #require(Self.firstID(in: browser.html))
                #expect(browser.html.contains(#"data-done="false""#), "a fan-out under way has a moving bar")
                let progress = try await browser.get("/console/mass-messages/\(id)/progress")
                let before = try #require(try JSONSerialization.jsonObject(with: progress.body) as? [String: Any])
                #expect(before["isDone"] as? Bool == false && before["total"] as? Int ?? 0 > 0)

                try await world.fanOut.drain()
                _ = try await browser.get("/console/mass-messages?type=sent")
                #expect(browser.html.contains(#"data-id="\#(id)" data-state="sent""#))
                #expect(browser.html.contains(#"data-done="true""#))
                let after = try #require(try JSONSerialization.jsonObject(with: try await browser.get("/console/mass-messages/\(id)/progress").body) as? [String: Any])
                #expect(after["isDone"] as? Bool == true && after["pending"] as? Int == 0 && after["total"] as? Int == fans.count, "the list's members")
                let item = try await api.get("/v2/access/mass-messages/\(id)", as: world.owner).object
                #expect(item["text"] as? String == "Hello list" && item["isDone"] as? Bool == true)
            }
        }
    }

    @Test func aScheduledMassMessageIsEditedThenGoesOutWhenTheClockMoves() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                try await world.fanOut.drain()
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let at = world.clock.now().addingTimeInterval(2 * 3_600)
                let date = String(ISO8601DateFormatter().string(from: at).prefix(16))
                _ = try await browser.get("/console/mass-messages/new")
                let past = try await browser.post("/console/mass-messages", ["text": "Later", "scheduledDate": "2001-01-01T10:00"])
                #expect(past.status == .badRequest && browser.html.contains(#"id="scheduledDateError""#))
                #expect(try await browser.post("/console/mass-messages", ["text": "Later", "scheduledDate": date]).status == .seeOther)
                _ = try await browser.get("/console/mass-messages?type=scheduled")
                let id = try #require(Self.firstID(in: browser.html))
                #expect(browser.html.contains("/console/mass-messages/\(id)/edit"))

                _ = try await browser.get("/console/mass-messages/\(id)/edit")
                #expect(browser.html.contains(">Later</textarea>") && browser.html.contains(#"value="\#(date)""#))
                #expect(try await browser.post("/console/mass-messages/\(id)", ["text": "Later, edited", "scheduledDate": date]).status == .seeOther)
                _ = try await browser.get("/console/mass-messages?type=scheduled")
                #expect(browser.html.contains("Later, edited"))

                _ = try await browser.get("/console/sandbox")
                let bad = try await browser.post("/console/sandbox/clock", ["minutes": "soon"])
                #expect(bad.status == .badRequest && browser.html.contains(#"id="minutesError""#))
                let before = world.clock.now()
                #expect(try await browser.post("/console/sandbox/clock", ["minutes": "180"]).status == .seeOther)
                #expect(world.clock.now().timeIntervalSince(before) == 10_800)
                _ = try await world.scheduler.tick()
                try await world.fanOut.drain()
                _ = try await browser.get("/console/mass-messages?type=sent")
                #expect(browser.html.contains(#"data-id="\#(id)" data-state="sent""#), "out once the clock passed its date")
            }
        }
    }

    @Test func aScheduledMassMessageCanBeDeleted() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let date = String(ISO8601DateFormatter().string(from: world.clock.now().addingTimeInterval(86_400)).prefix(16))
                _ = try await browser.get("/console/mass-messages/new")
                #expect(try await browser.post("/console/mass-messages", ["text": "Never mind", "scheduledDate": date]).status == .seeOther)
                _ = try await browser.get("/console/mass-messages?type=scheduled")
                let id = try #require(Self.firstID(in: browser.html))
                #expect(try await browser.post("/console/mass-messages/\(id)/unsend", [:]).status == .seeOther)
                #expect(try await api.get("/v2/access/mass-messages/\(id)", as: world.owner).status == .notFound)
            }
        }
    }

    static func values(named name: String, in html: String) -> [Int] {
        html.components(separatedBy: #"name="\#(name)" value=""#).dropFirst().compactMap { Int($0.prefix { $0 != "\"" }) }
    }

    static func firstID(in html: String) -> Int? {
        html.components(separatedBy: #"<li data-id=""#).dropFirst().first.flatMap { Int($0.prefix { $0 != "\"" }) }
    }
}
