import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

@Suite struct MassMessageStoreContractTests {
    func massMessages(_ storage: any FanoutStorage, type: MassMessageListType? = nil, creator: Int64 = 1) async throws -> [MassMessage] {
        try await storage.massMessages(creatorID: creator, type: type, page: PageRequest(limit: 20, offset: 0)).items
    }

    @Test(arguments: StorageBackend.available)
    func listsAreNewestFirstAndPartitionedByType(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let all = try await massMessages(storage)
            #expect(all.map(\.state) == [.scheduled, .sent])
            #expect(try await massMessages(storage, type: .sent).map(\.id) == [all[1].id])
            #expect(try await massMessages(storage, type: .scheduled).map(\.id) == [all[0].id])
            #expect(try await massMessages(storage, type: .unsent).isEmpty)
            #expect(try await storage.massMessage(id: all[0].id, creatorID: 2) == nil)
        }
    }

    @Test(arguments: StorageBackend.available)
    func recallTakesBackUnboughtDeliveriesOnly(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let sent = try #require(try await massMessages(storage, type: .sent).first)
            let cutoff = Scenario.now.addingTimeInterval(-7200)
            #expect(try await storage.recallMassMessage(id: sent.id, creatorID: 2, ifIn: [.sent], sentNotBefore: cutoff, at: Scenario.now) == nil)
            #expect(try await storage.recallMassMessage(id: sent.id, creatorID: 1, ifIn: [.sent], sentNotBefore: Scenario.now, at: Scenario.now) == nil)

            let recalled = try #require(try await storage.recallMassMessage(id: sent.id, creatorID: 1, ifIn: [.sent], sentNotBefore: cutoff, at: Scenario.now))
            #expect(recalled.state == .canceled)
            #expect(recalled.canceledAt == Scenario.now)
            #expect(recalled.purchasedCount == 1)
            #expect(try await massMessages(storage, type: .unsent).map(\.id) == [sent.id])
            #expect(try await storage.recallMassMessage(id: sent.id, creatorID: 1, ifIn: [.sent], sentNotBefore: cutoff, at: Scenario.now) == nil)

            func newest(_ fan: Int64) async throws -> ChatMessage? {
                try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: fan, page: PageRequest(limit: 1, offset: 0))).items.first
            }
            #expect(try await newest(11)?.massMessageID == sent.id, "the buyer keeps it")
            #expect(try await newest(10)?.massMessageID == nil)
            #expect(try await newest(12)?.massMessageID == nil)
            // The chats list points at each chat's newest remaining message.
            let chats = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
            for chat in chats.items {
                #expect(chat.lastMessage?.id == (try await newest(chat.fanID))?.id)
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func onlyAScheduledMassMessageCanBeDeleted(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let all = try await massMessages(storage)
            let scheduled = all[0], sent = all[1]
            #expect(try await !storage.deleteScheduledMassMessage(id: sent.id, creatorID: 1))
            #expect(try await !storage.deleteScheduledMassMessage(id: scheduled.id, creatorID: 2))
            #expect(try await storage.deleteScheduledMassMessage(id: scheduled.id, creatorID: 1))
            #expect(try await storage.massMessage(id: scheduled.id, creatorID: 1) == nil)
            #expect(try await !storage.deleteScheduledMassMessage(id: scheduled.id, creatorID: 1))
        }
    }

    @Test(arguments: StorageBackend.available)
    func purchasedAnalyticsListOnlyBoughtMassMessages(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let page = try await storage.purchasedMassMessages(creatorID: 1, page: PageRequest(limit: 10, offset: 0))
            #expect(page.items.map(\.purchasedCount) == [1])
            #expect(try await storage.purchasedMassMessages(creatorID: 2, page: PageRequest(limit: 10, offset: 0)).items.isEmpty)
        }
    }
}
