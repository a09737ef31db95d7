import FanoutCore
import FanoutTestSupport
import Foundation
import Synchronization
import Testing

@Suite struct FanSimulatorContractTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    /// A fresh store of `backend` with the small demo, for `body`.
    static func withWorld(_ backend: StorageBackend, _ body: @Sendable (any FanoutStorage) async throws -> Void) async throws {
        try await backend.withStorage { storage in
            var builder = DemoDatasetBuilder(seed: 3, anchor: anchor, size: .small)
            try await storage.importDemo(builder.build())
            try await body(storage)
        }
    }

    /// Purchases, views and unread messages summed over every creator.
    static func totals(_ storage: any FanoutStorage) async throws -> (purchased: Int, viewed: Int, unread: Int) {
        var purchased = 0, viewed = 0, unread = 0
        for creator in try await storage.creatorIDs() {
            let all = try await storage.massMessages(creatorID: creator, type: nil, page: PageRequest(limit: 1_000, offset: 0)).items
            purchased += all.reduce(0) { $0 + $1.purchasedCount }
            viewed += all.reduce(0) { $0 + $1.viewedCount }
            let chats = try await storage.chats(creatorID: creator, query: ChatListQuery(page: PageRequest(limit: 10_000, offset: 0)))
            unread += chats.items.reduce(0) { $0 + $1.unreadCount }
        }
        return (purchased, viewed, unread)
    }

    @Test(arguments: StorageBackend.available)
    func theSimulationsEventsAreWhatMovedTheCounters(backend: StorageBackend) async throws {
        try await Self.withWorld(backend) { storage in
            let before = try await Self.totals(storage)
            var minutesSeen: [Int] = []
            let tally = try await FanSimulator(store: storage).run(minutes: 10, seed: 9, endingAt: Self.anchor) { minute, _ in minutesSeen.append(minute) }
            let after = try await Self.totals(storage)
            #expect(minutesSeen == Array(1...10))
            #expect(tally.replies > 0 && tally.opens > 0 && tally.purchases > 0)
            #expect(after.unread == before.unread + tally.replies + tally.tips, "every reply and tip is an unread message")
            #expect(after.purchased - before.purchased <= tally.purchases, "mass-message purchases are among all purchases")
            #expect(after.viewed - before.viewed <= tally.opens)
            #expect(after.viewed > before.viewed && after.purchased >= before.purchased)
        }
    }

    @Test(arguments: StorageBackend.available)
    func theSameSeedPlaysTheSameFans(backend: StorageBackend) async throws {
        let runs = Mutex<[FanSimulator.Tally]>([])
        for _ in 0..<2 {
            try await Self.withWorld(backend) { storage in
                let tally = try await FanSimulator(store: storage).run(minutes: 5, seed: 4, endingAt: Self.anchor)
                runs.withLock { $0.append(tally) }
            }
        }
        let tallies = runs.withLock { $0 }
        #expect(tallies.count == 2 && tallies[0] == tallies[1])
    }
}
