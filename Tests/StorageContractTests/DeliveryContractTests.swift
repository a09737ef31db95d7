import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// A mass message's deliveries sit beside the chats' own messages: one id
/// order in each chat and in the chats list, each fan listed once, the same
/// delivery (same id, same place) before and after a fan acts on it.
@Suite struct DeliveryContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Fans 100...105 of creator 1: a DM to 102, then a mass message to all
    /// six (in batches of 4), then a DM to 104 and a message from 103.
    static func withWorld(_ backend: StorageBackend, _ body: @Sendable (any FanoutStorage, Int64) async throws -> Void) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 6, firstFanID: 100, since: now.addingTimeInterval(-86_400)))
            _ = try await storage.sendDirectMessage(MessageContent(text: "before"), creatorID: 1, fanID: 102, at: now)
            let created = try await storage.createMassMessage(MassMessageDraft(text: "to everyone"), creatorID: 1, at: now.addingTimeInterval(1))
            try await FanOutWorker(store: storage, clock: ManualClock(now), batchSize: 4).drain()
            _ = try await storage.sendDirectMessage(MessageContent(text: "after"), creatorID: 1, fanID: 104, at: now.addingTimeInterval(2))
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 103, text: "hi!", tip: nil, at: now.addingTimeInterval(3))
            try await body(storage, created.id)
        }
    }

    static func fans(_ storage: any FanoutStorage, _ query: ChatListQuery) async throws -> [Int64] {
        try await storage.chats(creatorID: 1, query: query).items.map(\.fanID)
    }

    @Test(arguments: StorageBackend.available)
    func theChatsListMergesDeliveriesAndMessagesEachFanOnce(backend: StorageBackend) async throws {
        try await Self.withWorld(backend) { storage, massMessageID in
            let page = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
            // 103 wrote last, 104 got a DM after the fan-out; the rest by delivery, newest (highest fan) first.
            #expect(page.items.map(\.fanID) == [103, 104, 105, 102, 101, 100])
            #expect(page.items.first { $0.fanID == 102 }?.lastMessage?.massMessageID == massMessageID)
            #expect(page.items.first { $0.fanID == 104 }?.lastMessage?.text == "after")
            #expect(page.items.first { $0.fanID == 100 }.map { $0.isSubscribed && $0.unreadCount == 0 } == true)

            var paged: [Int64] = []
            for offset in stride(from: 0, to: 6, by: 2) {
                paged += try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 2, offset: offset)))
            }
            #expect(paged == [103, 104, 105, 102, 101, 100], "offset paging walks the same order")
            #expect(try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0), order: .old)) == [100, 101, 102, 105, 104, 103])
            #expect(try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0), filter: .unread)) == [103])
            #expect(try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0), search: "FAN 10")) == [103, 104, 105, 102, 101, 100])
            #expect(try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0), search: "105")) == [105])
        }
    }

    @Test(arguments: StorageBackend.available)
    func aDeliveryKeepsItsIdAndPlaceWhenTheFanOpensIt(backend: StorageBackend) async throws {
        try await Self.withWorld(backend) { storage, massMessageID in
            #expect(try await storage.chatExists(creatorID: 1, fanID: 101), "a delivery alone makes a chat")
            #expect(try await !storage.chatExists(creatorID: 1, fanID: 999))

            let before = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 101, page: PageRequest(limit: 10, offset: 0))).items
            let delivery = try #require(before.first)
            #expect(before.count == 1 && delivery.massMessageID == massMessageID && delivery.openedAt == nil && delivery.text == "to everyone")
            #expect(try await storage.fanOpensMessage(id: delivery.id, creatorID: 1, fanID: 101, at: Self.now.addingTimeInterval(4)))
            #expect(try await !storage.fanOpensMessage(id: delivery.id, creatorID: 1, fanID: 101, at: Self.now.addingTimeInterval(5)))
            let after = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 101, page: PageRequest(limit: 10, offset: 0))).items
            #expect(after.map(\.id) == [delivery.id] && after[0].openedAt != nil)
            #expect(try await storage.massMessage(id: massMessageID, creatorID: 1)?.viewedCount == 1)
            #expect(try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0))) == [103, 104, 105, 102, 101, 100])

            // A DM before the fan-out and the delivery, in one id order, pageable by cursor.
            let chat102 = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 102, page: PageRequest(limit: 10, offset: 0))).items
            #expect(chat102.map(\.text) == ["to everyone", "before"])
            let older = try await storage.messages(
                creatorID: 1, query: ChatMessageQuery(fanID: 102, page: PageRequest(limit: 10, offset: 0), before: chat102[0].id)).items
            #expect(older.map(\.text) == ["before"])
            let jumped = try await storage.messages(
                creatorID: 1, query: ChatMessageQuery(fanID: 102, page: PageRequest(limit: 10, offset: 0), startingAt: chat102[0].id)).items
            #expect(jumped.map(\.id) == chat102.map(\.id))
            // Another fan's delivery id is not in this chat.
            let other = try #require(try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 100, page: PageRequest(limit: 1, offset: 0))).items.first)
            let foreign = try await storage.messages(
                creatorID: 1, query: ChatMessageQuery(fanID: 102, page: PageRequest(limit: 10, offset: 0), startingAt: other.id))
            guard case .noFirstMessage = foreign else { Issue.record("expected noFirstMessage, got \(foreign)"); return }
        }
    }

    @Test(arguments: StorageBackend.available)
    func unsendingTakesBackDeliveriesNobodyActedOn(backend: StorageBackend) async throws {
        try await Self.withWorld(backend) { storage, massMessageID in
            let recalled = try await storage.recallMassMessage(
                id: massMessageID, creatorID: 1, ifIn: [.sent], sentNotBefore: nil, at: Self.now.addingTimeInterval(5))
            #expect(recalled?.state == .canceled)
            #expect(try await !storage.chatExists(creatorID: 1, fanID: 100), "a fan who only had the delivery has no chat left")
            let listed = try await Self.fans(storage, ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
            #expect(listed == [103, 104, 102])
            let chat102 = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 102, page: PageRequest(limit: 10, offset: 0))).items
            #expect(chat102.map(\.text) == ["before"])
        }
    }
}
