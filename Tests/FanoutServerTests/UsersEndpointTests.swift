import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// `/v2/access/users/list`, `/search`, `/restrict`, `/blocked`,
/// `/users/:userId/restrict`, and the sandbox's block.
@Suite struct UsersEndpointTests {
    typealias Fan = Components.Schemas.Fan
    typealias FanList = Components.Schemas.FanList
    typealias FanPage = Components.Schemas.FanPage

    /// Active subscribers of the owner's creator who are no other creator's
    /// (the second one's, the other tenant's), and the second creator's who
    /// are not the owner's.
    static func fans(_ world: TestWorld) -> (owners: [Int64], theirs: [Int64]) {
        let owner = SubscribersEndpointTests.demoSubscriptions(creatorID: world.owner.creatorID)
        let second = SubscribersEndpointTests.demoSubscriptions(creatorID: world.secondCreator.creatorID)
        let third = SubscribersEndpointTests.demoSubscriptions(creatorID: world.otherTenant.creatorID)
        let ownerIDs = Set(owner.map(\.fanID)), elsewhere = Set((second + third).map(\.fanID))
        return (owner.filter { $0.isActive && !elsewhere.contains($0.fanID) }.map(\.fanID).sorted(),
                second.filter { $0.isActive && !ownerIDs.contains($0.fanID) }.map(\.fanID).sorted())
    }

    @Test(arguments: StorageBackend.available) func theConstantPathsAreRoutesOfTheirOwn(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let (owners, theirs) = Self.fans(world)
                let fan = try #require(owners.first), foreign = try #require(theirs.first)
                let me = world.owner.creatorID

                let listed = try await api.get("/v2/access/users/list?userIds=\(foreign)&userIds=\(fan),\(me)", as: world.owner)
                #expect(listed.status == .ok)
                let users = try listed.decode(FanList.self).users
                #expect(users.map { Int64($0.id) } == [me, fan].sorted(), "the creator and its fan; another creator's fan left out")
                let own = try #require(users.first { Int64($0.id) == fan })
                #expect(own.subscribedOn && own.canReceiveChatMessage && !own.isRestricted && !own.isBlocked && !own.isPerformer)
                #expect(users.first { Int64($0.id) == me }?.isPerformer == true)
                // `userIds[]`, as sent (percent-encoded brackets) or not: the same users.
                for key in ["userIds[]", "userIds%5B%5D"] {
                    let bracketed = try await api.get("/v2/access/users/list?\(key)=\(fan)&\(key)=\(me)", as: world.owner)
                    #expect(try bracketed.decode(FanList.self).users.map { Int64($0.id) } == [me, fan].sorted(), "\(key)")
                }

                let someone = try await api.get("/v2/access/users/\(fan)", as: world.owner)
                #expect(someone.status == .ok, "/users/:userId still answers")

                let search = try await api.get("/v2/access/users/search?query=\(own.username.prefix(5).uppercased())", as: world.owner)
                #expect(search.status == .ok)
                let found = try search.decode([Fan].self)
                let needle = own.username.prefix(5).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                let folded = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
                #expect(found.contains { $0.id == own.id })
                #expect(found.allSatisfy { folded($0.username).contains(needle) || folded($0.name).contains(needle) })
                #expect(try await api.get("/v2/access/users/search", as: world.owner).decode([Fan].self).isEmpty, "no query, no one")
                let theirName = try #require(try await api.get("/v2/access/users/list?userIds=\(foreign)", as: world.secondCreator)
                    .decode(FanList.self).users.first?.username)
                #expect(try await api.get("/v2/access/users/search?query=\(theirName)", as: world.owner).decode([Fan].self)
                    .allSatisfy { Int64($0.id) != foreign }, "another creator's fan is not found")

                for path in ["restrict", "blocked"] {
                    let page = try await api.get("/v2/access/users/\(path)", as: world.owner)
                    #expect(page.status == .ok, "\(path)")
                    #expect(try page.decode(FanPage.self).list.isEmpty)
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func badUserIDsAre400sNamingTheField(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let eleven = (1...11).map(String.init)
                for query in ["", "userIds=", "userIds=12a", "userIds=1,,2", "userIds=-3", "userIds=\(eleven.joined(separator: ","))",
                              eleven.map { "userIds=\($0)" }.joined(separator: "&"), "userIds=1,2,3,4,5&userIds=6,7,8,9,10,11"] {
                    let response = try await api.get("/v2/access/users/list?\(query)", as: world.owner)
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(try response.error.details?.field == "userIds", "\(query)")
                }
                let ten = try await api.get("/v2/access/users/list?userIds=\((1...10).map(String.init).joined(separator: ","))", as: world.owner)
                #expect(ten.status == .ok, "ten is the bound")
                #expect(try await api.get("/v2/access/users/search?limit=101", as: world.owner).error.details?.field == "limit")
                #expect(try await api.get("/v2/access/users/restrict?offset=-1", as: world.owner).error.details?.field == "offset")
                let bad = try await api.send("/v2/access/users/abc/restrict", method: .post, as: world.owner, json: [:])
                #expect(bad.status == .badRequest)
                #expect(try bad.error.details?.field == "userId")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func restrictingIsListedAndOnlyForTheCreatorsOwnFans(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let (owners, theirs) = Self.fans(world)
                let fan = try #require(owners.first), foreign = try #require(theirs.first)

                let restricted = try await api.send("/v2/access/users/\(fan)/restrict", method: .post, as: world.owner, json: [:])
                #expect(restricted.status == .ok)
                #expect(try restricted.object["success"] as? Bool == true)
                let page = try await api.get("/v2/access/users/restrict", as: world.owner).decode(FanPage.self)
                #expect(page.list.map { Int64($0.id) } == [fan] && page.list[0].isRestricted && !page.hasMore)
                #expect(try await api.get("/v2/access/users/list?userIds=\(fan)", as: world.owner).decode(FanList.self).users.first?.isRestricted == true)
                #expect(try await api.get("/v2/access/users/restrict", as: world.secondCreator).decode(FanPage.self).list.isEmpty)

                // A restricted fan can still be messaged.
                let sent = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Still here"])
                #expect(sent.status == .ok)

                // Another creator's fan, or nobody's: 404; without users:write: 403.
                #expect(try await api.send("/v2/access/users/\(foreign)/restrict", method: .post, as: world.owner, json: [:]).status == .notFound)
                #expect(try await api.send("/v2/access/users/\(fan)/restrict", method: .post, as: world.otherTenant, json: [:]).status == .notFound)
                #expect(try await api.delete("/v2/access/users/424242424/restrict", as: world.owner).status == .notFound)
                #expect(try await api.send("/v2/access/users/\(fan)/restrict", method: .post, as: world.readOnly, json: [:]).status == .forbidden)
                #expect(try await api.get("/v2/access/users/restrict", as: world.readOnly).status == .forbidden)

                #expect(try await api.delete("/v2/access/users/\(fan)/restrict", as: world.owner).status == .ok)
                #expect(try await api.get("/v2/access/users/restrict", as: world.owner).decode(FanPage.self).list.isEmpty)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aBlockedFanGetsNoDirectOrMassMessage(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let (owners, theirs) = Self.fans(world)
                let fan = try #require(owners.first), other = try #require(owners.dropFirst().first), foreign = try #require(theirs.first)

                #expect(try await api.send("/sandbox/users/\(fan)/block", method: .post, as: world.owner, json: [:]).status == .ok)
                #expect(try await api.send("/sandbox/users/\(foreign)/block", method: .post, as: world.owner, json: [:]).status == .notFound)
                let blocked = try await api.get("/v2/access/users/blocked", as: world.owner).decode(FanPage.self)
                #expect(blocked.list.map { Int64($0.id) } == [fan] && blocked.list[0].isBlocked && !blocked.list[0].canReceiveChatMessage)

                let dm = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Hi"])
                #expect(dm.status == .badRequest)
                #expect(try dm.error.details?.field == "userId" && dm.error.message.contains("blocked"))
                let write = try await api.send("/sandbox/fans/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Hey"])
                #expect(write.status == .badRequest, "a blocked fan cannot write either")
                let chat = try #require(try await ChatsEndpointTests.all(api, world.owner).first { Int64($0.withUser.id) == fan })
                #expect(chat.canSendMessage == false && chat.canNotSendReason?.value2 == "You have blocked this fan")

                struct Created: Decodable { let id: Int; let total: Int }
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Not for the blocked", "userIds": [fan, other],
                ]).decode(Created.self)
                #expect(created.total == 1)
                try await world.fanOut.drain()
                let deliveries = try await ChatMessagesEndpointTests.walkByCursor(api, world.owner, userID: Int(fan), limit: 10)
                #expect(!deliveries.contains { $0.value1.queueId == created.id })
                let reached = try await ChatMessagesEndpointTests.walkByCursor(api, world.owner, userID: Int(other), limit: 10)
                #expect(reached.contains { $0.value1.queueId == created.id })

                #expect(try await api.delete("/sandbox/users/\(fan)/block", as: world.owner).status == .ok)
                #expect(try await api.get("/v2/access/users/blocked", as: world.owner).decode(FanPage.self).list.isEmpty)
                let again = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Welcome back"])
                #expect(again.status == .ok)
            }
        }
    }
}
