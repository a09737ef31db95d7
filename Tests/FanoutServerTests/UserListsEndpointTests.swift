import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

@Suite struct UserListsEndpointTests {
    typealias UserList = Components.Schemas.UserList
    typealias Membership = Components.Schemas.ListMembershipResponse

    static func create(_ api: APIClient, _ caller: Caller, _ name: String) async throws -> UserList {
        try await api.send("/v2/access/users/lists", method: .post, as: caller, json: ["name": name]).decode(UserList.self)
    }

    static func add(_ api: APIClient, _ caller: Caller, _ fan: Int, to list: Int) async throws -> APIResponse {
        try await api.send("/v2/access/users/lists/\(list)/users/\(fan)", method: .post, headers: caller.headers)
    }

    @Test(arguments: StorageBackend.available) func listsCanBeCreatedRenamedFoundAndDeleted(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let vips = try await Self.create(api, world.owner, "VIPs")
                #expect(vips.name == "VIPs" && vips.usersCount == 0 && vips._type == "custom")
                let duplicate = try await api.send("/v2/access/users/lists", method: .post, as: world.owner, json: ["name": "VIPs"])
                #expect(try duplicate.error.details?.field == "name")
                let empty = try await api.send("/v2/access/users/lists", method: .post, as: world.owner, json: ["name": "  "])
                #expect(empty.status == .badRequest)

                let renamed = try await api.send("/v2/access/users/lists/\(vips.id)", method: .patch, as: world.owner, json: ["name": "Whales"])
                #expect(try renamed.decode(UserList.self).name == "Whales")
                _ = try await Self.create(api, world.owner, "Newcomers")
                let found = try await api.get("/v2/access/users/lists?query=WHAL", as: world.owner).decode(Components.Schemas.UserListPage.self)
                #expect(found.list.map(\.name) == ["Whales"])
                let all = try await api.get("/v2/access/users/lists", as: world.owner).decode(Components.Schemas.UserListPage.self)
                #expect(all.list.map(\.name) == ["Newcomers", "Whales"])

                #expect(try await api.get("/v2/access/users/lists/\(vips.id)", as: world.otherTenant).status == .notFound)
                #expect(try await api.delete("/v2/access/users/lists/\(vips.id)", as: world.otherTenant).status == .notFound)
                #expect(try await api.delete("/v2/access/users/lists/\(vips.id)", as: world.owner).status == .ok)
                #expect(try await api.get("/v2/access/users/lists/\(vips.id)", as: world.owner).status == .notFound)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func membersAreSubscribersAddedOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let list = try await Self.create(api, world.owner, "Regulars")
                let fans = try await ChatsEndpointTests.all(api, world.owner).map(\.withUser.id)
                let first = try await Self.add(api, world.owner, fans[0], to: list.id).decode(Membership.self)
                #expect(first.list.usersCount == 1 && first.list.users.map(\.id) == [fans[0]])
                #expect(try await Self.add(api, world.owner, fans[0], to: list.id).decode(Membership.self).list.usersCount == 1)
                #expect(try await Self.add(api, world.owner, fans[1], to: list.id).decode(Membership.self).list.usersCount == 2)
                let stranger = try await Self.add(api, world.owner, 424242, to: list.id)
                #expect(stranger.status == .badRequest)
                #expect(try stranger.error.details?.field == "userId")

                let members = try await api.get("/v2/access/users/lists/\(list.id)/users", as: world.owner).decode(Components.Schemas.ListUserPage.self)
                #expect(Set(members.list.map(\.id)) == [fans[0], fans[1]])
                let removed = try await api.send("/v2/access/users/lists/\(list.id)/users/\(fans[0])", method: .delete, headers: world.owner.headers)
                #expect(try removed.decode(Membership.self).list.usersCount == 1)
                let again = try await api.send("/v2/access/users/lists/\(list.id)/users/\(fans[0])", method: .delete, headers: world.owner.headers)
                #expect(try again.decode(Membership.self).list.usersCount == 1)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func listPermissionsAreEnforced(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let list = try await Self.create(api, world.owner, "Mine")
                // The read-only connection (same creator) holds lists:read, not lists:write.
                #expect(try await api.get("/v2/access/users/lists/\(list.id)", as: world.readOnly).status == .ok)
                let write = try await api.send("/v2/access/users/lists", method: .post, as: world.readOnly, json: ["name": "Nope"])
                #expect(write.status == .forbidden)
                #expect(try write.error.message.contains("lists:write"))
            }
        }
    }

    @Test(arguments: StorageBackend.available) func deletingAListEmptiesTheAudienceOfScheduledMessagesThatNamedIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let active = try await ChatsEndpointTests.all(api, world.owner).filter { $0.canSendMessage == true }.map(\.withUser.id)
                let list = try await Self.create(api, world.owner, "Soon gone")
                for fan in active.prefix(2) { _ = try await Self.add(api, world.owner, fan, to: list.id) }
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "For the list", "userLists": [list.id],
                    "scheduledDate": TestWorld.anchor.addingTimeInterval(60).formatted(.iso8601),
                ]).decode(Components.Schemas.MassMessageCreated.self)
                #expect(created.total == 2)
                #expect(try await api.delete("/v2/access/users/lists/\(list.id)", as: world.owner).status == .ok)
                world.clock.advance(by: 60)
                #expect(try await world.scheduler.tick() == 1)
                try await world.fanOut.drain()
                let item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Components.Schemas.QueueItem.self)
                #expect(item.value2.total == 0 && item.value2.sentCount == 0 && item.value2.isDone == true)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func massMessagesTargetListsMinusExclusionsPlusUsers(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let chats = try await ChatsEndpointTests.all(api, world.owner)
                let active = chats.filter { $0.canSendMessage == true }.map(\.withUser.id)
                let lapsed = try #require(chats.first { $0.canSendMessage == false }?.withUser.id)
                let (a, b, c, d) = (active[0], active[1], active[2], active[3])
                let target = try await Self.create(api, world.owner, "Target")
                let excluded = try await Self.create(api, world.owner, "Excluded")
                for fan in [a, b, c, lapsed] { _ = try await Self.add(api, world.owner, fan, to: target.id) }
                _ = try await Self.add(api, world.owner, b, to: excluded.id)

                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Lists", "userLists": [target.id], "excludeUserLists": [String(excluded.id)], "userIds": [d, a],
                ]).decode(Components.Schemas.MassMessageCreated.self)
                #expect(created.total == 3, "a, c (target − excluded, lapsed dropped) and d, each once")
                try await world.fanOut.drain()
                let deliveries = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                #expect(deliveries.count == 3)

                let foreign = try await Self.create(api, world.secondCreator, "Theirs")
                let misuse = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "x", "userLists": [foreign.id]])
                #expect(try misuse.error.details?.field == "userLists")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aUserJoinsSeveralListsAtOnceOrNone(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fans = SubscribersEndpointTests.demoSubscriptions(creatorID: world.owner.creatorID).map(\.fanID)
                let a = try await Self.create(api, world.owner, "A"), b = try await Self.create(api, world.owner, "B")
                let theirs = try await Self.create(api, world.secondCreator, "Theirs")
                let add = { (fan: Int64, ids: Any) in
                    try await api.send("/v2/access/users/\(fan)/lists", method: .post, as: world.owner, json: ["listIds": ids])
                }
                let count = { (id: Int) in
                    try await api.get("/v2/access/users/lists/\(id)", as: world.owner).decode(UserList.self).usersCount
                }

                let added = try await add(fans[0], [a.id, b.id, a.id])
                let outcome = try added.decode(Components.Schemas.ListsMembershipResponse.self)
                #expect(outcome.success.map(\.listId) == [a.id, b.id] && outcome.success.allSatisfy(\.success) && outcome.errors == nil)
                var counts = (try await count(a.id), try await count(b.id))
                #expect(counts.0 == 1 && counts.1 == 1)
                let again = try await add(fans[0], [a.id, b.id])
                #expect(again.status == .ok)
                counts = (try await count(a.id), try await count(b.id))
                #expect(counts.0 == 1 && counts.1 == 1, "adding twice is harmless")
                let repeated = try await add(fans[0], Array(repeating: a.id, count: 500))
                let once = try repeated.decode(Components.Schemas.ListsMembershipResponse.self)
                #expect(repeated.status == .ok && once.success.map(\.listId) == [a.id], "repeats count once")

                // All or none: another creator's list stops the whole call.
                let refused = try await add(fans[1], [a.id, theirs.id])
                let refusal = try refused.error
                #expect(refused.status == .notFound && refusal.message.contains("\(theirs.id)"))
                let afterRefusal = try await count(a.id)
                #expect(afterRefusal == 1, "fan 2 landed on no list")

                for bad in [[] as [Any], [1, 2, 3, 4, 5, 6], ["x"]] {
                    let response = try await add(fans[1], bad)
                    let field = try response.error.details?.field
                    #expect(response.status == .badRequest && field?.hasPrefix("listIds") == true)
                }
                let stranger = try await add(999_999_999, [a.id])
                let strangerField = try stranger.error.details?.field
                #expect(stranger.status == .badRequest && strangerField == "userId")
                let readOnly = try await api.send(
                    "/v2/access/users/\(fans[1])/lists", method: .post, as: world.readOnly, json: ["listIds": [a.id]])
                #expect(readOnly.status == .forbidden)
            }
        }
    }
}
