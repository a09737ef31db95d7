import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// Failed keys are limited per client address (20, then 20 a minute) on
/// every route that takes a key; the check comes before the key is looked
/// at, so a locked-out address is refused whatever it sends. Through the
/// router every request has the same (unknown) address. The limiter runs
/// on the world's manual clock here, so that time stands still while the
/// failures are counted (the process suite shows it on the real clock).
@Suite struct AuthFailureLimitTests {
    static func forged(_ caller: Caller) -> Caller {
        var forged = caller
        forged.apiKey = String(forged.apiKey.dropLast()) + (forged.apiKey.hasSuffix("A") ? "B" : "A")
        return forged
    }

    @Test(arguments: StorageBackend.available) func theTwentyFirstWrongKeyIsA429OnEveryRouteThatTakesAKey(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            let world = world.with(authFailures: AuthFailureLimiter(clock: world.clock))
            try await world.withClient(console: true) { api in
                let wrong = Self.forged(world.owner)
                for attempt in 1...20 {
                    // Successful requests between the failures do not count.
                    #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok)
                    let path = ["/v2/access/chats?limit=1", "/sandbox/clock", "/media/1", "/webhooks"][attempt % 4]
                    #expect(try await api.get(path, as: wrong).status == .unauthorized, "failure \(attempt) on \(path)")
                }
                for path in ["/v2/access/chats?limit=1", "/sandbox/clock", "/media/1", "/webhooks"] {
                    for caller in [wrong, world.owner] {
                        let refused = try await api.get(path, as: caller)
                        #expect(refused.status == .tooManyRequests, "\(path), \(caller.apiKey == wrong.apiKey ? "wrong" : "right") key")
                        let error = try refused.error
                        #expect(error.code == "RATE_LIMIT_EXCEEDED" && error.message.contains("failed authentications"))
                        #expect(refused.headers[.retryAfter] == "3", "one failure comes back every 3 s")
                    }
                }
                var browser = ConsoleBrowser(api)
                let signIn = try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey])
                #expect(signIn.status == .tooManyRequests && signIn.headers[.retryAfter] != nil && signIn.headers[.setCookie] == nil)
                #expect(browser.html.contains("Too many failed authentications"), "the sign-in page says why")
                let anonymous = try await api.get("/v2/access/chats?limit=1", as: nil)
                #expect(anonymous.status == .unauthorized, "no key guesses nothing: a 401 as ever")
                #expect(try await api.get("/health", as: nil).status == .ok)
            }
        }
    }

    @Test func consoleSignInFailuresCountTooAndTheLockoutEnds() async throws {
        try await TestWorld.with(.sqlite) { world in
            let world = world.with(authFailures: AuthFailureLimiter(clock: world.clock))
            try await world.withClient(console: true) { api in
                var browser = ConsoleBrowser(api)
                for attempt in 1...20 {
                    let wrong = try await browser.post("/console/sign-in", ["apiKey": Self.forged(world.owner).apiKey])
                    #expect(wrong.status == .unauthorized, "failure \(attempt)")
                }
                let refused = try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey])
                #expect(refused.status == .tooManyRequests && browser.cookie == nil)
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .tooManyRequests, "the API too")
                // One failure's worth comes back after 3 s (20 a minute): a right key passes, and does not use it up.
                #expect(refused.headers[.retryAfter] == "3")
                world.clock.advance(by: 3)
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok)
                #expect(try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey]).status == .seeOther)
                #expect(try await api.get("/v2/access/chats?limit=1", as: Self.forged(world.owner)).status == .unauthorized)
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .tooManyRequests, "that failure used it")
            }
        }
    }

    @Test func theLimiterStaysBoundedAndKeepsLockedOutAddressesLongest() async throws {
        let limiter = AuthFailureLimiter(limit: AuthFailureLimiter.standard, compactAt: 100)
        let wrong: @Sendable () async throws -> Int = { throw FanoutError.unauthorized("Invalid API key") }
        for _ in 0..<20 { _ = try? await limiter.guarding(client: "203.0.113.9", wrong) }
        for index in 0..<1_000 { _ = try? await limiter.guarding(client: "198.51.\(index / 256).\(index % 256)", wrong) }
        #expect(limiter.count <= 100)
        await #expect(throws: AuthenticationLockout.self) { try await limiter.guarding(client: "203.0.113.9") { 1 } }
        #expect(try await limiter.guarding(client: "192.0.2.1") { 1 } == 1, "another address is not locked")
    }
}

extension TestWorld {
    /// This world with another failed-authentication limiter.
    func with(authFailures: AuthFailureLimiter?) -> TestWorld {
        var dependencies = self.dependencies
        dependencies.authFailures = authFailures
        return TestWorld(dependencies: dependencies, clock: clock, credentials: credentials)
    }
}
