import FanoutCore
import FanoutTestSupport
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

    @Test(arguments: StorageBackend.available)
    func cursorAndOffsetPagingAgree(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            for limit in [1, 3, 10] {
                let byCursor = try await walk(storage, fan: 10, limit: limit, cursor: true)
                let byOffset = try await walk(storage, fan: 10, limit: limit, cursor: false)
                #expect(byCursor.count == 11)
                #expect(byCursor == byOffset)
                #expect(byCursor == byCursor.sorted(by: >))
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func searchFoldsCaseIncludingAccentsAndTakesWildcardsLiterally(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            func texts(_ search: String) async throws -> [String] {
                try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: PageRequest(limit: 20, offset: 0), search: search))
                    .items.map(\.text)
            }
            let expected: KeyValuePairs<String, [String]> = [
                "hello": ["HELLO again", "Hello there"], "brûlée": ["Crème BRÛLÉE tonight?"], "%": ["100% sure"],
                "_": ["a_b literal"], "unlock": ["Unlock me"], "nothing like this": [],
            ]
            for (search, found) in expected {
                let actual = try await texts(search)
                #expect(actual == found, "search \(search)")
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func deliveriesReadTheirMassMessagesTextAndMedia(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let newest = try #require(try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 11, page: PageRequest(limit: 1, offset: 0))).items.first)
            #expect(newest.isFromQueue)
            #expect(newest.text == "Unlock me")
            #expect(newest.attachments.map(\.media.id) == [500])
            #expect(newest.purchasedAt != nil)
            #expect(newest.queueState == .sent)
        }
    }

    @Test(arguments: StorageBackend.available)
    func aMissingChatOrFirstMessageIsToldApartFromAnEmptyPage(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
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
    }

    @Test(arguments: StorageBackend.available)
    func chatsAreScopedToTheirCreator(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let mine = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
            #expect(Set(mine.items.map(\.fanID)) == [10, 11, 12])
            let theirs = try await storage.chats(creatorID: 2, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0)))
            #expect(theirs.items.map(\.fanID) == [10])
            #expect(try await !storage.chatExists(creatorID: 2, fanID: 11))
            let found = try await storage.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0), search: "ZOË"))
            #expect(found.items.map(\.fanID) == [12])
        }
    }
}
