import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// A clock per creator: the sandbox moves the caller's creator's time and
/// nobody else's; rate limits and idempotency keys follow real time only.
@Suite struct SandboxClockTests {
    typealias Item = Components.Schemas.QueueItem

    /// `world` with the sandbox's creator clocks (kept in its storage) over
    /// its manual clock, which stays the real time of rate limits and keys.
    static func withCreatorClocks(
        _ world: TestWorld, _ body: @Sendable (TestWorld, CreatorOffsetClock) async throws -> Void
    ) async throws {
        let clocks = CreatorOffsetClock(base: world.clock, store: world.dependencies.storage)
        var dependencies = world.dependencies
        dependencies.clock = clocks
        dependencies.realClock = world.clock
        try await body(TestWorld(dependencies: dependencies, clock: world.clock, credentials: world.credentials), clocks)
    }

    /// What `GET /sandbox/clock` says for `caller`.
    static func clock(_ api: APIClient, _ caller: Caller) async throws -> String? {
        let answer = try await api.get("/sandbox/clock", as: caller)
        #expect(answer.status == .ok)
        return try answer.object["now"] as? String
    }

    @Test(arguments: StorageBackend.available) func anAdvanceMovesOnlyTheCallersCreatorsClock(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { base in
            try await Self.withCreatorClocks(base) { world, clocks in
                try await world.withClient { api in
                    let anchor = Timestamp.string(TestWorld.anchor)
                    #expect(try await Self.clock(api, world.owner) == anchor)
                    let moved = try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": 86_400])
                    #expect(moved.status == .ok)
                    let day = TestWorld.anchor.addingTimeInterval(86_400)
                    #expect(try await Self.clock(api, world.owner) == Timestamp.string(day))
                    #expect(try await Self.clock(api, world.secondCreator) == anchor, "another creator of the same organization")
                    #expect(try await Self.clock(api, world.otherTenant) == anchor, "another organization")

                    // Kept in storage: another instance on the same database takes it up.
                    let other = CreatorOffsetClock(base: world.clock, store: world.dependencies.storage)
                    try await other.refresh()
                    #expect(other.now(creatorID: world.owner.creatorID) == day)
                    #expect(other.now(creatorID: world.otherTenant.creatorID) == TestWorld.anchor)
                    #expect(clocks.creatorsAhead() == [world.owner.creatorID: day])
                }
            }
        }
    }

    /// A creator connected to two organizations shares one clock between
    /// them: neither may move it, or one would move the other's time.
    @Test(arguments: StorageBackend.available) func aCreatorSharedWithAnotherOrganizationKeepsItsClock(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { base in
            try await Self.withCreatorClocks(base) { world, _ in
                let other = world.credentials.organizations[1].connections[0]
                let shared = Connection(
                    id: "conn_shared_\(UUID().uuidString.prefix(8))", organizationID: other.organizationID,
                    creatorID: world.owner.creatorID, permissions: Set(Permission.allCases))
                try await world.dependencies.storage.addConnection(shared)
                let intruder = Caller(apiKey: world.otherTenant.apiKey, connectionID: shared.id, creatorID: shared.creatorID)
                try await world.withClient { api in
                    let anchor = Timestamp.string(TestWorld.anchor)
                    for caller in [intruder, world.owner] {
                        let refused = try await api.send("/sandbox/clock/advance", method: .post, as: caller, json: ["seconds": 86_400])
                        #expect(refused.status == .badRequest)
                        #expect(try refused.error.details?.field == "x-connection-id")
                    }
                    #expect(try await Self.clock(api, world.owner) == anchor)
                    #expect(try await Self.clock(api, intruder) == anchor)
                    #expect(try await api.send("/sandbox/clock/advance", method: .post, as: world.secondCreator, json: ["seconds": 60]).status == .ok,
                            "a creator of one organization alone still moves")
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func scheduledSendsFireByTheirCreatorsClock(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { base in
            try await Self.withCreatorClocks(base) { world, clocks in
                try await world.withClient { api in
                    let at = TestWorld.anchor.addingTimeInterval(3_600).formatted(.iso8601)
                    var ids: [Int] = []
                    for caller in [world.owner, world.otherTenant] {
                        let created = try await api.send("/v2/access/mass-messages", method: .post, as: caller, json: [
                            "text": "At the same date", "scheduledDate": at,
                        ]).decode(Components.Schemas.MassMessageCreated.self)
                        ids.append(created.id)
                    }
                    let scheduler = MassMessageScheduler(store: world.dependencies.storage, clock: clocks)
                    let fanOut = FanOutWorker(store: world.dependencies.storage, clock: clocks, batchSize: 50)
                    #expect(try await scheduler.tick() == 0)

                    #expect(try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": 3_600]).status == .ok)
                    #expect(try await scheduler.tick() == 1, "only the owner's is due by its clock")
                    try await fanOut.drain()
                    let owners = try await api.get("/v2/access/mass-messages/\(ids[0])", as: world.owner).decode(Item.self)
                    let others = try await api.get("/v2/access/mass-messages/\(ids[1])", as: world.otherTenant).decode(Item.self)
                    #expect(owners.value2.isDone == true && owners.value2.sentCount == owners.value2.total)
                    #expect(others.value2.isDone == false && others.value2.sentCount == 0)
                    #expect(try await IdempotencyTests.scheduledIDs(api, as: world.otherTenant).contains(Int64(ids[1])))

                    // Real time reaches the date: then it is due for everyone.
                    world.clock.advance(by: 3_600)
                    #expect(try await scheduler.tick() == 1)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unsendWindowsCloseByTheirCreatorsClock(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { base in
            try await Self.withCreatorClocks(base) { world, clocks in
                try await world.withClient { api in
                    var ids: [Int] = []
                    for caller in [world.owner, world.otherTenant] {
                        let created = try await api.send("/v2/access/mass-messages", method: .post, as: caller, json: ["text": "Now"])
                            .decode(Components.Schemas.MassMessageCreated.self)
                        ids.append(created.id)
                    }
                    try await FanOutWorker(store: world.dependencies.storage, clock: clocks, batchSize: 50).drain()
                    let window = Int(world.dependencies.policy.unsendWindow)
                    #expect(try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": window + 1]).status == .ok)

                    let owners = try await api.get("/v2/access/mass-messages/\(ids[0])", as: world.owner).decode(Item.self)
                    let others = try await api.get("/v2/access/mass-messages/\(ids[1])", as: world.otherTenant).decode(Item.self)
                    #expect(owners.value2.canUnsend == false && owners.value2.unsendSeconds == 0)
                    #expect(others.value2.canUnsend == true && others.value2.unsendSeconds == window)
                    let closed = try await api.delete("/v2/access/mass-messages/\(ids[0])", as: world.owner)
                    #expect(closed.status == .badRequest)
                    #expect(try closed.error.details?.field == "massMessageId")
                    #expect(try await api.delete("/v2/access/mass-messages/\(ids[1])", as: world.otherTenant).status == .ok)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anAdvanceRefillsNoBucketAndExpiresNoIdempotencyKey(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, rateLimit: RateLimit(perMinute: 60, burst: 3)) { base in
            try await Self.withCreatorClocks(base) { world, clocks in
                try await world.withClient { api in
                    let first = try await IdempotencyTests.write(
                        api, "/v2/access/mass-messages", as: world.owner, key: "once", body: IdempotencyTests.scheduled)
                    #expect(first.status == .ok)
                    for _ in 0..<2 { #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).status == .ok) }
                    #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).status == .tooManyRequests)

                    try await clocks.advance(creatorID: world.owner.creatorID, by: 2 * 86_400)
                    #expect(try await api.get("/v2/access/mass-messages?limit=1", as: world.owner).status == .tooManyRequests,
                            "two days on the creator's clock refill nothing")

                    world.clock.advance(by: 1)  // a second of real time: one token
                    let again = try await IdempotencyTests.write(
                        api, "/v2/access/mass-messages", as: world.owner, key: "once", body: IdempotencyTests.scheduled)
                    #expect(again.status == .ok && again.headers[IdempotencyTests.replayed] == "true", "the key outlived the advance")
                }
            }
        }
    }

    @Test func anAdvanceIsBoundedAndNeverMovesTimeBack() async throws {
        let base = ManualClock(TestWorld.anchor)
        let clocks = CreatorOffsetClock(base: base, store: nil)
        try await clocks.advance(creatorID: 1, by: 366 * 86_400)
        await #expect(throws: FanoutError.self) { try await clocks.advance(creatorID: 1, by: CreatorOffsetClock.maximumOffset) }
        await #expect(throws: FanoutError.self) { try await clocks.advance(creatorID: 1, by: .infinity) }
        await #expect(throws: FanoutError.self) { try await clocks.advance(creatorID: 1, by: -5) }
        #expect(clocks.now(creatorID: 1) == TestWorld.anchor.addingTimeInterval(366 * 86_400))
        #expect(clocks.now(creatorID: 2) == TestWorld.anchor)
    }
}
