import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

@Suite struct ChatsEndpointTests {
    typealias ChatList = Components.Schemas.ChatList

    static func all(_ api: APIClient, _ caller: Caller, query: String = "") async throws -> [Components.Schemas.Chat] {
        var result: [Components.Schemas.Chat] = []
        while true {
            let page = try await api.get("/v2/access/chats?limit=20&offset=\(result.count)\(query)", as: caller).decode(ChatList.self)
            result += page.list
            guard page.hasMore else { return result }
            #expect(page.nextOffset == result.count)
        }
    }

    @Test(arguments: StorageBackend.available) func recentOrderPutsTheNewestConversationFirst(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let recent = try await Self.all(api, world.owner)
                let lastIDs = recent.compactMap { $0.lastMessage?.value1.id }
                #expect(lastIDs.count == recent.count)
                #expect(lastIDs == lastIDs.sorted(by: >))
                let old = try await Self.all(api, world.owner, query: "&order=old")
                #expect(old.map(\.withUser.id) == recent.map(\.withUser.id).reversed())
            }
        }
    }

    @Test(arguments: StorageBackend.available) func filtersKeepOnlyMatchingChats(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await Self.all(api, world.owner)
                let unread = try await Self.all(api, world.owner, query: "&filter=unread")
                #expect(!unread.isEmpty)
                #expect(unread.allSatisfy { $0.unreadMessagesCount! > 0 })
                #expect(unread.count == all.filter { $0.unreadMessagesCount! > 0 }.count)
                let tipped = try await Self.all(api, world.owner, query: "&filter=who_tipped")
                let priority = try await Self.all(api, world.owner, query: "&filter=priority")
                #expect(Set(tipped.map(\.withUser.id)).isSubset(of: Set(priority.map(\.withUser.id))))
                #expect(priority.count < all.count)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func queryFindsFansByName(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let first = try #require(try await Self.all(api, world.owner).first)
                let fan = try await api.get("/v2/access/chats/\(first.withUser.id)/messages?include_users=true&limit=1", as: world.owner)
                    .decode(Components.Schemas.MessageList.self).users!.first { $0.id == first.withUser.id }!
                let found = try await Self.all(api, world.owner, query: "&query=\(fan.username.uppercased())")
                #expect(found.map(\.withUser.id).contains(fan.id))
                // A name with a space, as forms and the SDK's httpx write it (`+`) and percent-encoded: the same chats.
                let name = try #require(fan.name.contains(" ") ? fan.name : nil, "demo names have a first and a last name")
                let plus = try await Self.all(api, world.owner, query: "&query=" + name.replacingOccurrences(of: " ", with: "+"))
                let percent = try await Self.all(api, world.owner, query: "&query=" + name.replacingOccurrences(of: " ", with: "%20"))
                #expect(plus.map(\.withUser.id).contains(fan.id))
                #expect(plus.map(\.withUser.id) == percent.map(\.withUser.id))
                // A literal plus is %2B: no demo name has one.
                #expect(try await Self.all(api, world.owner, query: "&query=" + name.replacingOccurrences(of: " ", with: "%2B")).isEmpty)
            }
        }
    }
}
