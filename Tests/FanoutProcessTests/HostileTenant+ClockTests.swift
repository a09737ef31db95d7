import FanoutTestSupport
import Foundation
import Testing

/// Issue 29, case 5: the sandbox clock was one clock for everyone. Now each
/// creator has its own; and with the sandbox off (the default) there is no
/// clock to move and every time is real, whatever the database holds.
@Suite struct HostileTenantClockTests {
    @Test(arguments: StorageBackend.available) func anAdvanceMovesOnlyTheAttackersCreatorsClock(backend: StorageBackend) async throws {
        try await HostileTenantWorld.with(backend) { world in
            let before = try await world.snapshot()
            let advanced = try await world.server.request("POST", "/sandbox/clock/advance", headers: world.attacker, json: ["seconds": 86_400])
            #expect(advanced.status == 200)
            let now = try #require((advanced.body["now"] as? String).flatMap(HostileTenantWorld.parseDate))
            #expect(abs(now.timeIntervalSinceNow - 86_400) < 60, "the attacker's own clock is a day ahead")
            try await world.expectUnharmed(before)
        }
    }

    @Test(arguments: StorageBackend.available) func withTheSandboxOffEveryClockIsTheSystemClock(backend: StorageBackend) async throws {
        try await HostileTenantWorld.with(backend) { world in
            // A sandbox run leaves a creator's clock a year ahead in the database.
            for _ in 0..<2 {
                let advanced = try await world.server.request(
                    "POST", "/sandbox/clock/advance", headers: world.attacker, json: ["seconds": 183 * 86_400])
                #expect(advanced.status == 200)
            }
            world.server.stop()
            for arguments in [["--no-sandbox"], []] {
                let server = try ServerProcess(database: world.database, arguments: arguments, sandboxUnlessTold: false)
                defer { server.stop() }
                try await server.waitUntilHealthy()
                let clock = try await server.request("GET", "/sandbox/clock", headers: world.attacker)
                #expect(clock.status == 404, "no sandbox with \(arguments)")
                #expect(try await server.request("GET", "/console/sign-in").status == 404, "nor console")
                let created = try await server.request("POST", "/v2/access/mass-messages", headers: world.attacker, json: ["text": "Real time"])
                #expect(created.status == 200)
                let date = try #require((created.body["date"] as? String).flatMap(HostileTenantWorld.parseDate))
                #expect(abs(date.timeIntervalSinceNow) < 60, "dated now, not by the stored offset")
            }
        }
    }
}
