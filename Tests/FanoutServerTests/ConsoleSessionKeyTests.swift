import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// A console session lives no longer than the key it was opened with, and
/// its cookie is `Secure` wherever the browser reaches the server over https.
@Suite struct ConsoleSessionKeyTests {
    @Test(arguments: StorageBackend.available) func revokingTheKeyEndsItsSessionsWithinTheCacheTime(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, accessCache: AccessCache(ttl: .milliseconds(300))) { world in
            try await world.withClient(console: true) { api in
                var revoked = ConsoleBrowser(api), kept = ConsoleBrowser(api)
                try await revoked.signIn(apiKey: world.owner.apiKey, connection: world.owner.connectionID)
                try await kept.signIn(apiKey: world.otherTenant.apiKey, connection: world.otherTenant.connectionID)
                #expect(try await revoked.get("/console/chats").status == .ok)
                let csrf = try #require(ConsoleBrowser.csrf(in: revoked.html))
                #expect(try await OperatorService(storage: world.dependencies.storage).revokeKey(world.owner.apiKey) == 1)
                try await Task.sleep(for: .milliseconds(400))

                let page = try await revoked.get("/console/chats")
                #expect(page.status == .seeOther && page.headers[.location] == "/console/sign-in", "the session ended with its key")
                let form = try await revoked.post("/console/sign-out", [:], csrf: csrf)
                #expect(form.status == .seeOther && form.headers[.location] == "/console/sign-in")
                #expect(try await revoked.post("/console/sign-in", ["apiKey": world.owner.apiKey]).status == .unauthorized)
                #expect(try await kept.get("/console/chats").status == .ok, "another key's session goes on")
            }
        }
    }

    @Test(arguments: [
        (nil, false), ("http://fanout.example", false), ("https://fanout.example", true), ("HTTPS://fanout.example/", true),
    ] as [(String?, Bool)])
    func theCookieIsSecureWhenThePublicURLIsHttps(publicURL: String?, secure: Bool) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient(console: true, publicURL: publicURL) { api in
                var browser = ConsoleBrowser(api)
                let signedIn = try await browser.post("/console/sign-in", ["apiKey": world.owner.apiKey])
                let cookie = try #require(signedIn.headers[.setCookie])
                #expect(cookie.contains("Secure") == secure, "\(publicURL ?? "no public URL"): \(cookie)")
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            }
        }
    }
}
