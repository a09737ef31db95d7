import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// Fan-out batches go round-robin across creators: one creator's large send
/// holds another creator's small one back by about one batch, not until it
/// is done.
@Suite struct FairFanOutContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let since = now.addingTimeInterval(-86_400)

    static func creator(_ id: Int64) -> UserProfile {
        UserProfile(id: id, name: "Creator \(id)", username: "creator\(id)", avatar: nil, isVerified: true)
    }

    @Test(arguments: StorageBackend.available)
    func anotherCreatorsSmallSendIsDoneWithinTwoBatchesOfABigOne(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importAudience(DemoAudience(creator: Self.creator(1), fans: 20_000, firstFanID: 100_000, since: Self.since)) { _ in }
            try await storage.importAudience(DemoAudience(creator: Self.creator(2), fans: 10, firstFanID: 500_000, since: Self.since)) { _ in }
            let worker = FanOutWorker(store: storage, clock: ManualClock(Self.now), batchSize: 500)
            let big = try await storage.createMassMessage(MassMessageDraft(text: "To all 20,000"), creatorID: 1, at: Self.now)
            #expect(try await worker.deliverBatch() == 500)

            let small = try await storage.createMassMessage(MassMessageDraft(text: "To my ten"), creatorID: 2, at: Self.now)
            var batches = 0
            while try await storage.massMessage(id: small.id, creatorID: 2)?.state != .sent, batches < 40 {
                _ = try await worker.deliverBatch()
                batches += 1
            }
            #expect(batches <= 2, "the small send waited \(batches) batches behind the big one")
            let partway = try #require(try await storage.massMessage(id: big.id, creatorID: 1))
            #expect(partway.state == .queued && partway.sentCount < 2_000, "the big one is still under way")

            // A second small send of the same creator waits its turn too, and the big one still ends.
            let again = try await storage.createMassMessage(MassMessageDraft(text: "Ten again"), creatorID: 2, at: Self.now)
            #expect(try await worker.deliverBatch() == 500, "the big creator's turn: it was served less recently")
            #expect(try await worker.deliverBatch() == 10)
            #expect(try await storage.massMessage(id: again.id, creatorID: 2)?.state == .sent)
            try await worker.drain()
            let done = try #require(try await storage.massMessage(id: big.id, creatorID: 1))
            #expect(done.state == .sent && done.sentCount == 20_000 && done.pending == 0)
        }
    }
}
