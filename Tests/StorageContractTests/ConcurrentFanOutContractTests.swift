import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// What several instances do at once on one store: three fan-out workers
/// draining one mass message together, two schedulers finding the same due
/// ones. Each recipient gets one delivery; each due one starts once.
@Suite struct ConcurrentFanOutContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StorageBackend.available)
    func workersRunningTogetherDeliverToEachRecipientOnce(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            let fans = 60_000
            let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
            try await storage.importAudience(DemoAudience(creator: creator, fans: fans, firstFanID: 100, since: Self.now.addingTimeInterval(-60))) { _ in }
            let created = try await storage.createMassMessage(MassMessageDraft(text: "Together"), creatorID: 1, at: Self.now)
            let handled = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await FanOutWorker(store: storage, clock: ManualClock(Self.now), batchSize: 700).drain() }
                }
                return try await group.reduce(0, +)
            }
            #expect(handled >= fans)
            let done = try #require(try await storage.massMessage(id: created.id, creatorID: 1))
            #expect(done.state == .sent && done.sentCount == fans && done.total == fans && done.pending == 0)
            let chats = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: fans - 10)))
            #expect(chats.items.count == 10 && !chats.hasMore, "one chat per fan, no more")
            for fanID: Int64 in [100, 30_100, Int64(99 + fans)] {
                let messages = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: fanID, page: PageRequest(limit: 10, offset: 0)))
                #expect(messages.items.map(\.massMessageID) == [created.id], "fan \(fanID) got it once")
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func schedulersRacingStartEachDueMassMessageOnce(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 5, since: Self.now.addingTimeInterval(-60)))
            for index in 0..<20 {
                _ = try await storage.createMassMessage(
                    MassMessageDraft(text: "Due \(index)", scheduledAt: Self.now.addingTimeInterval(60)), creatorID: 1, at: Self.now)
            }
            let due = Self.now.addingTimeInterval(120)
            let started = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await MassMessageScheduler(store: storage, clock: ManualClock(due)).tick() } }
                return try await group.reduce(0, +)
            }
            #expect(started == 20, "each started by exactly one scheduler")
            let queued = try await storage.massMessages(creatorID: 1, type: .scheduled, page: PageRequest(limit: 20, offset: 0))
            #expect(queued.items.isEmpty)
        }
    }
}
