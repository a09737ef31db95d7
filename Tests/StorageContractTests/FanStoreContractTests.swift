import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// `FanStore` on every backend, over `Scenario` (creator 1's subscribers are
/// fans 10, 11, 12; creator 2 only chats with fan 10), and what a block
/// changes for messaging and fan-outs.
@Suite struct FanStoreContractTests {
    static let now = Scenario.now
    static let page = PageRequest(limit: 20, offset: 0)

    @Test(arguments: StorageBackend.available)
    func usersByIDAreThoseTheCreatorMaySeeInIDOrder(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let list = try #require(try await storage.createUserList(name: "VIP", creatorID: 1, at: Self.now))
            try await storage.addUserListMember(listID: list.id, userID: 11, at: Self.now)

            let seen = try await storage.visibleUsers(creatorID: 1, ids: [999, 11, 2, 10, 1])
            #expect(seen.map(\.user.id) == [1, 10, 11], "the creator and its fans; another creator and unknown ids left out")
            #expect(seen.map(\.isSubscribed) == [false, true, true])
            #expect(seen[2].user.name == "Bob" && seen[2].lists == [Subscriber.ListRef(id: list.id, name: "VIP")])
            #expect(seen[1].lists.isEmpty)
            #expect(seen.allSatisfy { $0.notice.isEmpty && $0.displayName.isEmpty })

            // The creator's note and nickname show on the user.
            #expect(try await storage.updateSubscriberDetail(creatorID: 1, fanID: 11, change: .noticeAndDisplayName("Likes cats", "Bobby")))
            let noted = try #require(try await storage.visibleUsers(creatorID: 1, ids: [11]).first)
            #expect(noted.notice == "Likes cats" && noted.displayName == "Bobby")
            #expect(try await storage.restrictedFans(creatorID: 1, page: Self.page).items.isEmpty)

            // Creator 2 chats with fan 10 (not a subscriber) and knows nothing of fan 11.
            let other = try await storage.visibleUsers(creatorID: 2, ids: [10, 11])
            #expect(other.map(\.user.id) == [10] && other[0].isSubscribed == false && other[0].lists.isEmpty)
        }
    }

    @Test(arguments: StorageBackend.available)
    func searchFindsTheCreatorsFansByNameOrUsernameFolded(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            #expect(try await storage.searchFans(creatorID: 1, search: "BO", page: Self.page).items.map(\.user.id) == [11])
            #expect(try await storage.searchFans(creatorID: 1, search: "zoë", page: Self.page).items.map(\.user.id) == [12])
            let all = try await storage.searchFans(creatorID: 1, search: "o", page: PageRequest(limit: 1, offset: 0))
            #expect(all.items.count == 1 && all.hasMore, "Bob and Zoë: one page of one")
            #expect(try await storage.searchFans(creatorID: 2, search: "ann", page: Self.page).items.isEmpty,
                    "fan 10 only chats with creator 2: not its fan")
        }
    }

    @Test(arguments: StorageBackend.available)
    func restrictingListsTheFanLatestFirstAndKeepsTheFirstDate(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            #expect(try await storage.restrictFan(creatorID: 1, fanID: 11, at: Self.now))
            #expect(try await storage.restrictFan(creatorID: 1, fanID: 12, at: Self.now.addingTimeInterval(10)))
            #expect(try await storage.restrictFan(creatorID: 1, fanID: 11, at: Self.now.addingTimeInterval(20)), "twice is harmless")
            let restricted = try await storage.restrictedFans(creatorID: 1, page: Self.page)
            #expect(restricted.items.map(\.user.id) == [12, 11] && !restricted.hasMore, "11 keeps its first date")
            #expect(restricted.items.allSatisfy { $0.isRestricted && !$0.isBlocked && $0.isSubscribed })
            let first = try await storage.restrictedFans(creatorID: 1, page: PageRequest(limit: 1, offset: 0))
            #expect(first.items.map(\.user.id) == [12] && first.hasMore)
            #expect(try await storage.visibleUsers(creatorID: 1, ids: [10, 11]).map(\.isRestricted) == [false, true])

            #expect(try await !storage.restrictFan(creatorID: 2, fanID: 10, at: Self.now), "not creator 2's fan")
            #expect(try await !storage.restrictFan(creatorID: 1, fanID: 999, at: Self.now))
            #expect(try await storage.restrictedFans(creatorID: 2, page: Self.page).items.isEmpty)

            #expect(try await storage.restrictFan(creatorID: 1, fanID: 11, at: nil))
            #expect(try await storage.restrictFan(creatorID: 1, fanID: 11, at: nil), "lifting twice is harmless")
            #expect(try await storage.restrictedFans(creatorID: 1, page: Self.page).items.map(\.user.id) == [12])
            #expect(try await storage.standing(creatorID: 1, fanID: 12) == .subscribed, "a restricted fan can still be messaged")
        }
    }

    @Test(arguments: StorageBackend.available)
    func aRestrictedFansMessagesAndTipsStayOutOfTheUnreadCounts(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            func chat(_ fan: Int64) async throws -> ChatSummary? {
                try await storage.chats(creatorID: 1, query: ChatListQuery(page: Self.page)).items.first { $0.fanID == fan }
            }
            let before = try #require(try await chat(12))
            #expect(try await storage.restrictFan(creatorID: 1, fanID: 12, at: Self.now))
            let message = try await storage.fanSendsMessage(creatorID: 1, fanID: 12, text: "psst", tip: Money(cents: 300), at: Self.now)
            let restricted = try #require(try await chat(12))
            #expect(restricted.lastMessage?.id == message.id, "the message is in the chat")
            #expect(restricted.unreadCount == before.unreadCount && restricted.hasUnreadTips == before.hasUnreadTips)

            #expect(try await storage.restrictFan(creatorID: 1, fanID: 12, at: nil))
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 12, text: "hello again", tip: Money(cents: 300), at: Self.now)
            let lifted = try #require(try await chat(12))
            #expect(lifted.unreadCount == before.unreadCount + 1 && lifted.hasUnreadTips)
        }
    }

    @Test(arguments: StorageBackend.available)
    func blockingListsTheFanAndChangesItsStanding(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            #expect(try await storage.standing(creatorID: 1, fanID: 10) == .subscribed)
            #expect(try await storage.standing(creatorID: 2, fanID: 10) == .stranger)
            #expect(try await storage.blockFan(creatorID: 1, fanID: 10, at: Self.now))
            #expect(try await storage.standing(creatorID: 1, fanID: 10) == .blocked)
            #expect(try await !storage.blockFan(creatorID: 2, fanID: 10, at: Self.now), "not creator 2's fan")
            let blocked = try await storage.blockedFans(creatorID: 1, page: Self.page)
            #expect(blocked.items.map(\.user.id) == [10] && blocked.items[0].isBlocked && !blocked.hasMore)
            #expect(try await storage.blockedFans(creatorID: 2, page: Self.page).items.isEmpty)

            let chats = try await storage.chats(creatorID: 1, query: ChatListQuery(page: Self.page))
            #expect(chats.items.first { $0.fanID == 10 }?.isBlocked == true)
            #expect(chats.items.filter { $0.fanID != 10 }.allSatisfy { !$0.isBlocked })

            #expect(try await storage.blockFan(creatorID: 1, fanID: 10, at: nil))
            #expect(try await storage.standing(creatorID: 1, fanID: 10) == .subscribed)
            #expect(try await storage.blockedFans(creatorID: 1, page: Self.page).items.isEmpty)
        }
    }

    @Test(arguments: StorageBackend.available)
    func aBlockedFanGetsNoMassMessage(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            var world = DemoDataset.audience(creatorID: 1, fans: 10, firstFanID: 100, since: Self.now.addingTimeInterval(-86_400))
            world.subscriptions[9].isActive = false // fan 109 lapsed
            try await storage.importDemo(world)
            #expect(try await storage.blockFan(creatorID: 1, fanID: 103, at: Self.now))
            #expect(try await storage.blockFan(creatorID: 1, fanID: 109, at: Self.now))
            #expect(try await storage.standing(creatorID: 1, fanID: 109) == .blocked, "blocked, subscribed or not")

            let created = try await storage.createMassMessage(MassMessageDraft(text: "Hello everyone"), creatorID: 1, at: Self.now)
            #expect(created.total == 8)
            let named = try await storage.createMassMessage(
                MassMessageDraft(text: "Just you", audience: Audience(userIDs: [103, 104])), creatorID: 1, at: Self.now)
            #expect(named.total == 1, "named in userIds, still blocked")
            try await FanOutWorker(store: storage, clock: ManualClock(Self.now), batchSize: 3).drain()

            let done = try #require(try await storage.massMessage(id: created.id, creatorID: 1))
            #expect(done.state == .sent && done.sentCount == 8 && done.pending == 0)
            let chats = try await storage.chats(creatorID: 1, query: ChatListQuery(page: Self.page)).items
            #expect(Set(chats.map(\.fanID)) == Set((100...108).filter { $0 != 103 }))
            let blockedChat = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 103, page: Self.page))
            #expect(blockedChat.items.isEmpty)
        }
    }
}
