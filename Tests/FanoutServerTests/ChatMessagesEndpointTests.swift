import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

@Suite struct ChatMessagesEndpointTests {
    typealias MessageList = Components.Schemas.MessageList

    static func walkByCursor(_ api: APIClient, _ caller: Caller, userID: Int, limit: Int, extra: String = "") async throws -> [Components.Schemas.Message] {
        var result: [Components.Schemas.Message] = []
        var cursor = ""
        while true {
            let page = try await api.get("/v2/access/chats/\(userID)/messages?limit=\(limit)\(cursor)\(extra)", as: caller).decode(MessageList.self)
            result += page.list
            guard page.hasMore else {
                #expect(page.nextLastId == nil)
                let raw = try await api.get("/v2/access/chats/\(userID)/messages?limit=\(limit)\(cursor)\(extra)", as: caller).object
                #expect(raw["nextLastId"] is NSNull, "nextLastId is present, as null, on the last page")
                return result
            }
            let next = try #require(page.nextLastId)
            #expect(next == page.list.last?.value1.id)
            cursor = "&last_id=\(next)"
        }
    }

    static func walkByOffset(_ api: APIClient, _ caller: Caller, userID: Int, limit: Int, extra: String = "") async throws -> [Components.Schemas.Message] {
        var result: [Components.Schemas.Message] = []
        while true {
            let page = try await api.get("/v2/access/chats/\(userID)/messages?limit=\(limit)&offset=\(result.count)\(extra)", as: caller).decode(MessageList.self)
            result += page.list
            if !page.hasMore { return result }
        }
    }

    /// The fan with the longest chat of `caller`.
    static func busiestFan(_ api: APIClient, _ caller: Caller) async throws -> Int {
        var best = (id: 0, count: -1)
        let chats = try await api.get("/v2/access/chats?limit=20", as: caller).decode(Components.Schemas.ChatList.self)
        for chat in chats.list {
            let count = try await walkByOffset(api, caller, userID: chat.withUser.id, limit: 10).count
            if count > best.count { best = (chat.withUser.id, count) }
        }
        return best.id
    }

    @Test(arguments: StorageBackend.available) func cursorAndOffsetWalksReturnTheSameMessagesOnceNewestFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.busiestFan(api, world.owner)
                let byCursor = try await Self.walkByCursor(api, world.owner, userID: fan, limit: 7).map(\.value1.id)
                let byOffset = try await Self.walkByOffset(api, world.owner, userID: fan, limit: 10).map(\.value1.id)
                #expect(byCursor.count > 10)
                #expect(byCursor == byOffset)
                #expect(byCursor == byCursor.sorted(by: >))
                #expect(Set(byCursor).count == byCursor.count)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func firstIDPutsThatMessageFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.busiestFan(api, world.owner)
                let all = try await Self.walkByOffset(api, world.owner, userID: fan, limit: 10).map(\.value1.id)
                let pivot = all[all.count / 2]
                let page = try await api.get("/v2/access/chats/\(fan)/messages?first_id=\(pivot)&limit=5", as: world.owner).decode(MessageList.self)
                #expect(page.list.map(\.value1.id) == Array(all[(all.count / 2)...].prefix(5)))
                let missing = try await api.get("/v2/access/chats/\(fan)/messages?first_id=1", as: world.owner)
                #expect(missing.status == .notFound)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func queryMatchesTextCaseInsensitivelyAndLiterally(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.busiestFan(api, world.owner)
                let all = try await Self.walkByOffset(api, world.owner, userID: fan, limit: 10)
                let word = String(try #require(all.lazy.compactMap { $0.value1.text.split(separator: " ").first { $0.count >= 4 } }.first))
                let matches = try await Self.walkByCursor(api, world.owner, userID: fan, limit: 10, extra: "&query=\(word.uppercased())")
                let expected = all.filter { $0.value1.text.lowercased().contains(word.lowercased()) }.map(\.value1.id)
                #expect(!expected.isEmpty)
                #expect(matches.map(\.value1.id) == expected)
                // % and _ are literal, not LIKE wildcards.
                for (wildcard, literal) in [("%25", "%"), ("_", "_"), ("%25%25", "%%")] {
                    let found = try await Self.walkByOffset(api, world.owner, userID: fan, limit: 10, extra: "&query=\(wildcard)")
                    #expect(found.map(\.value1.id) == all.filter { $0.value1.text.contains(literal) }.map(\.value1.id))
                    #expect(found.count < all.count)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func includeUsersAddsBothParticipants(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.busiestFan(api, world.owner)
                let page = try await api.get("/v2/access/chats/\(fan)/messages?include_users=true&limit=1", as: world.owner).decode(MessageList.self)
                #expect(Set(page.users?.map(\.id) ?? []) == [Int(world.owner.creatorID), fan])
                let without = try await api.get("/v2/access/chats/\(fan)/messages?limit=1", as: world.owner).decode(MessageList.self)
                #expect(without.users == nil)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func messagesShowWhoSentThemAndWhatTheyCost(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.busiestFan(api, world.owner)
                let all = try await Self.walkByOffset(api, world.owner, userID: fan, limit: 10)
                for message in all {
                    let sender = try #require(message.value1.fromUser.value2)
                    #expect([Int(world.owner.creatorID), fan].contains(sender.id))
                    #expect(sender._view == "s")
                    #expect(message.value1.isFree == (message.value2.price == 0))
                    #expect(message.value1.mediaCount == message.value1.media.count)
                    if message.value1.isFromQueue == true { #expect(message.value1.queueId != nil) }
                    if message.value1.canPurchase == true { #expect(message.value2.price! > 0 && sender.id == Int(world.owner.creatorID)) }
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unknownChatIs404AndMalformedUserIdIs400(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                #expect(try await api.get("/v2/access/chats/424242/messages", as: world.owner).status == .notFound)
                let bad = try await api.get("/v2/access/chats/12a/messages", as: world.owner)
                #expect(bad.status == .badRequest)
                #expect(try bad.error.details?.field == "userId")
            }
        }
    }
}
