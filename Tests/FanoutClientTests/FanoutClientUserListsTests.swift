import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The user-list methods of `FanoutClient`, against a real server.
@Suite struct FanoutClientUserListsTests {
    @Test(arguments: StorageBackend.available) func aListIsMadeReadRenamedAndDeleted(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let list = try await client.createUserList(name: "Swift fans")
            #expect(list.name == "Swift fans" && list.usersCount == 0 && list.recentMembers.isEmpty && list.kind == "custom")
            let read = try await client.userList(id: list.id)
            let wire = try await world.plain("GET", "/v2/access/users/lists/\(list.id)").json
            #expect(read == list && read.id == wire["id"] as? Int && read.name == wire["name"] as? String)
            #expect(read.canUpdate == wire["canUpdate"] as? Bool && read.canManageUsers == wire["canManageUsers"] as? Bool)
            #expect(try await client.renameUserList(id: list.id, to: "Swift VIPs").name == "Swift VIPs")
            #expect(try await client.userList(id: list.id).name == "Swift VIPs")
            #expect(try await client.userListsPage(query: "vips").items.map(\.id) == [list.id])

            let keyed = try await client.createUserList(name: "Keyed", idempotencyKey: "list-once")
            #expect(try await client.createUserList(name: "Keyed", idempotencyKey: "list-once").id == keyed.id, "one key, one list")
            let reused = await #expect(throws: FanoutClientError.self) {
                try await client.createUserList(name: "Other", idempotencyKey: "list-once")
            }
            #expect(reused?.status == .unprocessableContent, "a key reused for another body: \(String(describing: reused))")

            let empty = await #expect(throws: FanoutClientError.self) { try await client.createUserList(name: "") }
            #expect(empty?.status == .badRequest && empty?.field == "name")
            let long = await #expect(throws: FanoutClientError.self) { try await client.renameUserList(id: list.id, to: String(repeating: "x", count: 101)) }
            #expect(long?.status == .badRequest && long?.field == "name")
            let taken = await #expect(throws: FanoutClientError.self) { try await client.createUserList(name: "Swift VIPs") }
            #expect(taken?.field == "name", "names are unique: \(String(describing: taken))")

            try await client.deleteUserList(id: list.id)
            for (name, call) in [
                ("get", { _ = try await client.userList(id: list.id) }),
                ("rename", { _ = try await client.renameUserList(id: list.id, to: "Back") }),
                ("delete", { try await client.deleteUserList(id: list.id) }),
                ("members", { _ = try await client.userListMembersPage(listID: list.id) }),
                ("add", { _ = try await client.addUserListMember(listID: list.id, userID: 1) }),
                ("remove", { _ = try await client.removeUserListMember(listID: list.id, userID: 1) }),
            ] as [(String, () async throws -> Void)] {
                let gone = await #expect(throws: FanoutClientError.self, "\(name)") { try await call() }
                #expect(gone?.status == .notFound, "\(name): \(String(describing: gone))")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func listsAndMembersWalkAsThePlainWalks(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            var made: [FanoutClient.UserList] = []
            for index in 1...5 { made.append(try await client.createUserList(name: "Walk \(index)")) }
            var lists: [FanoutClient.UserList] = []
            for try await list in client.userLists(pageSize: 2) { lists.append(list) }
            let wire = try await world.plainOffsetWalk("/v2/access/users/lists", limit: 2)
            #expect(lists.count >= 5 && lists.map(\.id) == wire.map { $0["id"] as? Int })
            #expect(lists.map(\.usersCount) == wire.map { $0["usersCount"] as? Int })
            var walks: [Int] = []
            for try await list in client.userLists(query: "walk", pageSize: 2) { walks.append(list.id) }
            #expect(walks == made.reversed().map(\.id), "newest first")

            let list = made[0]
            let fans = try await client.subscribersPage(limit: 12).items.map(\.id)
            try #require(fans.count == 12)
            var last: FanoutClient.UserList?
            for fan in fans { last = try await client.addUserListMember(listID: list.id, userID: fan) }
            #expect(last?.usersCount == 12 && last?.recentMembers.map(\.id) == Array(fans.suffix(10).reversed()))
            #expect(try await client.addUserListMember(listID: list.id, userID: fans[0]).usersCount == 12, "twice is harmless")

            var members: [FanoutClient.User] = []
            for try await member in client.userListMembers(listID: list.id, pageSize: 5) { members.append(member) }
            let wireMembers = try await world.plainOffsetWalk("/v2/access/users/lists/\(list.id)/users", limit: 5)
            #expect(members.map(\.id) == wireMembers.map { $0["id"] as? Int })
            #expect(Set(members.map(\.id)) == Set(fans) && members.count == 12)
            #expect(members.map(\.username) == wireMembers.map { $0["username"] as? String })
            #expect(members.allSatisfy { $0.customName == nil && $0.note == nil }, "a member has no name or note on the wire")
            let page = try await client.userListMembersPage(listID: list.id, limit: 5, offset: 10)
            #expect(page.items.count == 2 && !page.hasMore)

            let removed = try await client.removeUserListMember(listID: list.id, userID: fans[3])
            #expect(removed.usersCount == 11 && !removed.recentMembers.contains { $0.id == fans[3] })
            #expect(try await client.removeUserListMember(listID: list.id, userID: fans[3]).usersCount == 11, "a non-member: harmless")

            // The chats filtered by the list are its members' chats.
            let chatFan = try #require(try await client.chatsPage(limit: 1).items.first).withUser.id
            _ = try await client.addUserListMember(listID: list.id, userID: chatFan)
            var chats: [Int] = []
            for try await chat in client.chats(userListID: list.id, pageSize: 2) { chats.append(chat.withUser.id) }
            let plainChats = try await world.plainOffsetWalk("/v2/access/chats?userListId=\(list.id)", limit: 2)
            #expect(chats.contains(chatFan) && chats == plainChats.map { ($0["withUser"] as? [String: Any])?["id"] as? Int })

            let stranger = await #expect(throws: FanoutClientError.self) {
                try await client.addUserListMember(listID: list.id, userID: 999_999_999)
            }
            #expect(stranger?.status == .badRequest && stranger?.field == "userId", "only fans can be listed")
            let badLimit = await #expect(throws: FanoutClientError.self) { try await client.userListsPage(limit: 101) }
            #expect(badLimit?.status == .badRequest && badLimit?.field == "limit")
        }
    }

    @Test(arguments: StorageBackend.available) func aUserJoinsSeveralListsAllOrNone(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.subscribersPage(limit: 1).items.first).id
            let one = try await client.createUserList(name: "One")
            let two = try await client.createUserList(name: "Two")
            let added = try await client.addUserToLists(userID: fan, listIDs: [one.id, two.id])
            #expect(Set(added.addedListIDs) == [one.id, two.id] && added.failures.isEmpty)
            #expect(try await client.userList(id: one.id).usersCount == 1)
            #expect(try await client.userList(id: two.id).usersCount == 1)
            let seen = try #require(try await client.users(ids: [fan]).first)
            #expect(Set(seen.lists.map(\.id)) == [one.id, two.id] && Set(seen.lists.map(\.name)) == ["One", "Two"])
            #expect(try await client.addUserToLists(userID: fan, listIDs: [one.id]).addedListIDs == [one.id], "twice is harmless")

            let three = try await client.createUserList(name: "Three")
            let missing = await #expect(throws: FanoutClientError.self) {
                try await client.addUserToLists(userID: fan, listIDs: [three.id, 999_999_999])
            }
            #expect(missing?.status == .notFound)
            #expect(try await client.userList(id: three.id).usersCount == 0, "none when one list is missing")
            let none = await #expect(throws: FanoutClientError.self) { try await client.addUserToLists(userID: fan, listIDs: []) }
            #expect(none?.status == .badRequest && none?.field == "listIds")
            let six = await #expect(throws: FanoutClientError.self) {
                try await client.addUserToLists(userID: fan, listIDs: [one.id, two.id, three.id, 1_000_001, 1_000_002, 1_000_003])
            }
            #expect(six?.status == .badRequest && six?.field == "listIds")
            let repeated = try await client.addUserToLists(userID: fan, listIDs: Array(repeating: one.id, count: 6))
            #expect(repeated.addedListIDs == [one.id], "a repeated id counts once")
            let stranger = await #expect(throws: FanoutClientError.self) { try await client.addUserToLists(userID: 999_999_999, listIDs: [one.id]) }
            #expect(stranger?.status == .badRequest && stranger?.field == "userId")
        }
    }
}
