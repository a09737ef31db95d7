import FanoutAPI
import Foundation
import FanoutTestSupport
import Testing

/// `GET /chats?userListId=`: the official SDK's `list_chats(user_list_id=…)`
/// gets the chats of that list's fans, never every chat.
@Suite struct ChatsUserListFilterTests {
    @Test(arguments: StorageBackend.available)
    func onlyTheListsFansChatsInEveryOrderAndFilter(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let all = try await ChatsEndpointTests.all(api, world.owner)
                #expect(all.count > 4)
                let chosen = [all[0], all[2], all[all.count - 1]].map(\.withUser.id)
                let list = try await api.send("/v2/access/users/lists", method: .post, as: world.owner, json: ["name": "Chat filter"])
                let listID = try #require(try list.object["id"] as? Int)
                for fan in chosen {
                    let added = try await api.send("/v2/access/users/lists/\(listID)/users/\(fan)", method: .post, as: world.owner, json: [:])
                    #expect(added.status == .ok)
                }
                let listed = try await ChatsEndpointTests.all(api, world.owner, query: "&userListId=\(listID)")
                #expect(listed.map(\.withUser.id) == all.map(\.withUser.id).filter(chosen.contains), "the list's fans, in the same order")
                let old = try await ChatsEndpointTests.all(api, world.owner, query: "&userListId=\(listID)&order=old")
                #expect(old.map(\.withUser.id) == listed.map(\.withUser.id).reversed())
                let paged = try await api.get("/v2/access/chats?limit=2&userListId=\(listID)", as: world.owner).decode(ChatsEndpointTests.ChatList.self)
                #expect(paged.list.count == 2 && paged.hasMore && paged.nextOffset == 2)
                // With the chat filters and a search, still only the list's fans.
                for query in ["&filter=unread", "&filter=who_tipped", "&filter=priority", "&query=a"] {
                    let both = try await ChatsEndpointTests.all(api, world.owner, query: query + "&userListId=\(listID)")
                    let alone = try await ChatsEndpointTests.all(api, world.owner, query: query)
                    #expect(both.map(\.withUser.id) == alone.map(\.withUser.id).filter(chosen.contains), "\(query)")
                }
                let empty = try await api.send("/v2/access/users/lists", method: .post, as: world.owner, json: ["name": "Nobody"])
                let emptyID = try #require(try empty.object["id"] as? Int)
                #expect(try await ChatsEndpointTests.all(api, world.owner, query: "&userListId=\(emptyID)").isEmpty)
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func anotherCreatorsListOrNoListIsA404(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let list = try await api.send("/v2/access/users/lists", method: .post, as: world.otherTenant, json: ["name": "Theirs"])
                let theirs = try #require(try list.object["id"] as? Int)
                for id in [theirs, 987_654_321] {
                    let response = try await api.get("/v2/access/chats?userListId=\(id)", as: world.owner)
                    #expect(response.status == .notFound)
                    #expect(try response.error._type == "RESOURCE_NOT_FOUND")
                }
            }
        }
    }
}
