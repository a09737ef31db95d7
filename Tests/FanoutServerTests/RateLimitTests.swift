import FanoutCore
import Foundation
import FanoutTestSupport
import HTTPTypes
import Testing

/// OFAuth's token bucket per connection on /v2/access: 60 a minute, bursts of 90.
@Suite struct RateLimitTests {
    static let limit = HTTPField.Name("X-RateLimit-Limit")!
    static let remaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let reset = HTTPField.Name("X-RateLimit-Reset")!

    @Test(arguments: StorageBackend.available) func ninetyPassTheNinetyFirstIsA429UntilTheClockRefillsIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, rateLimit: .ofauth) { world in
            try await world.withClient { api in
                for sent in 1...90 {
                    let response = try await api.get("/v2/access/mass-messages?limit=1", as: world.owner)
                    #expect(response.status == .ok)
                    #expect(response.headers[Self.limit] == "90" && response.headers[Self.remaining] == String(90 - sent))
                }
                let refused = try await api.get("/v2/access/mass-messages?limit=1", as: world.owner)
                #expect(refused.status == .tooManyRequests)
                let error = try refused.error
                #expect(error._type == "RATE_LIMIT_EXCEEDED" && error.code == "RATE_LIMIT_EXCEEDED")
                #expect(error.message.contains("retry in 1 s"))
                #expect(refused.headers[.retryAfter] == "1")
                #expect(refused.headers[Self.remaining] == "0" && refused.headers[Self.reset] == "90")

                // Another connection has its own bucket; the sandbox and /health have none.
                #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.secondCreator).status == .ok)
                #expect(try await api.get("/health", as: nil).headers[Self.limit] == nil)

                world.clock.advance(by: 1)
                let refilled = try await api.get("/v2/access/mass-messages?limit=1", as: world.owner)
                #expect(refilled.status == .ok && refilled.headers[Self.remaining] == "0")
                #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).status == .tooManyRequests)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aRefusedWriteChangesNothingAndErrorsCarryTheHeaders(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, rateLimit: RateLimit(perMinute: 60, burst: 2)) { world in
            try await world.withClient { api in
                let missing = try await api.get("/v2/access/mass-messages/999999999", as: world.owner)
                #expect(missing.status == .notFound && missing.headers[Self.remaining] == "1", "an error answer is counted and says so")
                let before = try await api.get("/v2/access/mass-messages?limit=10&type=scheduled", as: world.owner)
                #expect(before.status == .ok)
                let refused = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Too many", "scheduledDate": "2099-01-01T20:00:00Z",
                ])
                #expect(refused.status == .tooManyRequests)

                world.clock.advance(by: 2)
                let after = try await api.get("/v2/access/mass-messages?limit=10&type=scheduled", as: world.owner)
                #expect(after.body == before.body, "the refused mass message was not created")
            }
        }
    }
}

/// The connection's one bucket on every surface where it acts: the API,
/// `/sandbox`, `/media` and the console's forms draw from it alike.
@Suite struct RateLimitSurfacesTests {
    @Test(arguments: StorageBackend.available) func aConnectionThatEmptiedItsBucketOnTheAPIIsRefusedOnTheSandboxAndMedia(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, rateLimit: RateLimit(perMinute: 60, burst: 3)) { world in
            try await world.withClient { api in
                #expect(try await api.get("/sandbox/clock", as: world.owner).headers[RateLimitTests.remaining] == "2", "the sandbox takes a token")
                #expect(try await api.get("/media/1", as: world.owner).headers[RateLimitTests.remaining] == "1", "so does /media")
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok)
                for path in ["/sandbox/clock", "/media/1", "/v2/access/chats?limit=1"] {
                    let refused = try await api.get(path, as: world.owner)
                    #expect(refused.status == .tooManyRequests, "\(path)")
                    #expect(try refused.error.code == "RATE_LIMIT_EXCEEDED" && refused.headers[.retryAfter] == "1", "\(path)")
                }
                let advance = try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": 60])
                #expect(advance.status == .tooManyRequests, "a refused sandbox write reaches nothing")
                #expect(try await api.get("/sandbox/clock", as: world.secondCreator).status == .ok, "another connection has its own bucket")
            }
        }
    }

    @Test func theConsolesActionsDrawFromTheirConnectionsBucket() async throws {
        try await TestWorld.with(.sqlite, rateLimit: RateLimit(perMinute: 60, burst: 4)) { world in
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                try await browser.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                world.clock.advance(by: 60)  // a full bucket again
                _ = try await browser.get("/console/chats/\(fan)")  // pages take none
                #expect(try await browser.post("/console/chats/\(fan)/messages", ["text": "one"]).status == .seeOther)
                for _ in 1...3 { #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok) }
                _ = try await browser.get("/console/chats/\(fan)")
                let refused = try await browser.post("/console/chats/\(fan)/messages", ["text": "two"])
                #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "1")
                #expect(browser.html.contains("Rate limit exceeded"), "the console's error page says why")
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .tooManyRequests, "the API sees the same bucket")
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.secondCreator).status == .ok, "another connection is not held back")

                world.clock.advance(by: 1)
                _ = try await browser.get("/console/chats/\(fan)")
                #expect(try await browser.post("/console/chats/\(fan)/messages", ["text": "three"]).status == .seeOther, "refilled")
            }
        }
    }
}
