import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

@Suite struct FanOutStoreContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StorageBackend.available)
    func aHundredThousandRecipientFanOutDeliversToEachOnce(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            let fans = 100_000
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: fans, since: Self.now.addingTimeInterval(-86_400)))
            let created = try await storage.createMassMessage(MassMessageDraft(text: "Hello everyone"), creatorID: 1, at: Self.now)
            #expect(created.total == fans && created.pending == fans && created.state == .queued)

            let worker = FanOutWorker(store: storage, clock: ManualClock(Self.now), batchSize: 1_000)
            #expect(try await worker.deliverBatch() == 1_000)
            let partway = try #require(try await storage.massMessage(id: created.id, creatorID: 1))
            #expect(partway.sentCount == 1_000 && partway.pending == fans - 1_000 && partway.state == .queued)

            try await worker.drain()
            let done = try #require(try await storage.massMessage(id: created.id, creatorID: 1))
            #expect(done.state == .sent && done.sentCount == fans && done.pending == 0)
            let chats = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 99_990)))
            #expect(chats.items.count == 10 && !chats.hasMore)
            #expect(chats.items.allSatisfy { $0.lastMessage?.massMessageID == created.id })
            #expect(try await worker.drain() == 0, "nothing is delivered twice")
        }
    }

    @Test(arguments: StorageBackend.available)
    func exclusionsAndSubscriptionDatesShapeTheAudience(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            var world = DemoDataset.audience(creatorID: 1, fans: 10, firstFanID: 100, since: Self.now.addingTimeInterval(-86_400))
            world.subscriptions[0].isActive = false                                       // fan 100 lapsed
            world.subscriptions[1].subscribedAt = Self.now.addingTimeInterval(-10 * 86_400) // fan 101 is an old subscriber
            try await storage.importDemo(world)
            func total(_ audience: Audience) async throws -> Int {
                try await storage.createMassMessage(
                    MassMessageDraft(text: "x", audience: audience, scheduledAt: Self.now.addingTimeInterval(60)), creatorID: 1, at: Self.now
                ).total
            }
            #expect(try await total(Audience()) == 9)
            #expect(try await total(Audience(userIDs: [100, 101, 101, 102, 999])) == 2)
            #expect(try await total(Audience(subscribedAfter: Self.now.addingTimeInterval(-2 * 86_400))) == 8)
        }
    }

    @Test(arguments: StorageBackend.available)
    func recipientsAreResolvedAsTheFanOutGoesAndTotalEndsExact(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
            let since = Self.now.addingTimeInterval(-86_400)
            try await storage.importAudience(DemoAudience(creator: creator, fans: 3_000, firstFanID: 100_000, since: since)) { _ in }
            let created = try await storage.createMassMessage(MassMessageDraft(text: "Hello"), creatorID: 1, at: Self.now)
            #expect(created.total == 3_000 && created.pending == 3_000, "counted when it starts")

            let worker = FanOutWorker(store: storage, clock: ManualClock(Self.now), batchSize: 1_000)
            #expect(try await worker.deliverBatch() == 1_000)
            // Fans who subscribe while it is under way, beyond the cursor, get it too.
            try await storage.importAudience(DemoAudience(creator: creator, fans: 500, firstFanID: 200_000, since: since)) { _ in }
            try await worker.drain()
            let done = try #require(try await storage.massMessage(id: created.id, creatorID: 1))
            #expect(done.state == .sent && done.total == 3_500 && done.sentCount == 3_500 && done.pending == 0)
        }
    }
}
