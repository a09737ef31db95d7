import FanoutCore
import Foundation
import Testing

@Suite struct ChatStoreContractTests {
    func walk(_ storage: any FanoutStorage, fan: Int64, limit: Int, cursor: Bool, search: String? = nil) async throws -> [Int64] {
        var ids: [Int64] = []
        while true {
            let query = ChatMessageQuery(
                fanID: fan, page: PageRequest(limit: limit, offset: cursor ? 0 : ids.count),
                before: cursor ? ids.last : nil, search: search)
            let page = try await storage.messages(creatorID: 1, query: query)
            ids += page.items.map(\.id)
            if !page.hasMore { return ids }
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func cursorAndOffsetPagingAgree(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
        for limit in [1, 3, 10] {
            let byCursor = try await walk(storage, fan: 10, limit: limit, cursor: true)
            let byOffset = try await walk(storage, fan: 10, limit: limit, cursor: false)
            #expect(byCursor.count == 11)
            #expect(byCursor == byOffset)
            #expect(byCursor == byCursor.sorted(by: >))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func searchFoldsCaseIncludingAccentsAndTakesWildcardsLiterally(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
        func texts(_ search: String) async throws -> [String] {
            try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: PageRequest(limit: 20, offset: 0), search: search))
                .items.map(\.text)
        }
        #expect(try await texts("hello") == ["HELLO again", "Hello there"])
        #expect(try await texts("brûlée") == ["Crème BRÛLÉE tonight?"])
        #expect(try await texts("%") == ["100% sure"])
        #expect(try await texts("_") == ["a_b literal"])
        #expect(try await texts("unlock") == ["Unlock me"])
        #expect(try await texts("nothing like this") == [])
    }

    @Test(arguments: StorageBackend.allCases)
    func deliveriesReadTheirMassMessagesTextAndMedia(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
        let newest = try #require(try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 11, page: PageRequest(limit: 1, offset: 0))).items.first)
        #expect(newest.isFromQueue)
        #expect(newest.text == "Unlock me")
        #expect(newest.attachments.map(\.media.id) == [500])
        #expect(newest.purchasedAt != nil)
        #expect(newest.queueState == .sent)
    }

    @Test(arguments: StorageBackend.allCases)
    func aMissingChatOrFirstMessageIsToldApartFromAnEmptyPage(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
        let page = PageRequest(limit: 10, offset: 0)
        guard case .noChat = try await storage.messages(creatorID: 2, query: ChatMessageQuery(fanID: 11, page: page)) else {
            Issue.record("creator 2 has no chat with fan 11")
            return
        }
        let othersMessage = try #require(try await storage.messages(creatorID: 2, query: ChatMessageQuery(fanID: 10, page: page)).items.first)
        guard case .noFirstMessage = try await storage.messages(
            creatorID: 1, query: ChatMessageQuery(fanID: 10, page: page, startingAt: othersMessage.id)) else {
            Issue.record("first_id of another chat's message")
            return
        }
        let mine = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: page))
        let second = try #require(mine.items.dropFirst().first)
        let fromSecond = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: page, startingAt: second.id))
        #expect(fromSecond.items.first?.id == second.id)
    }

    @Test(arguments: StorageBackend.allCases)
    func chatsAreScopedToTheirCreator(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
        let mine = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
        #expect(Set(mine.items.map(\.fan.id)) == [10, 11, 12])
        let theirs = try await storage.chats(creatorID: 2, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
        #expect(theirs.items.map(\.fan.id) == [10])
        #expect(try await !storage.chatExists(creatorID: 2, fanID: 11))
        let found = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0), search: "ZOË"))
        #expect(found.items.map(\.fan.id) == [12])
    }
}
