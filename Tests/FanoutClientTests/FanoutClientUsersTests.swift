import FanoutClient
import FanoutTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The users methods of `FanoutClient`, against a real server.
@Suite struct FanoutClientUsersTests {
    @Test(arguments: StorageBackend.available) func aUserIsTheWiresUserWithItsNoteAndName(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.subscribersPage(type: .active, limit: 1).items.first).id
            let user = try await client.user(id: fan)
            let (status, wire) = try await world.plain("GET", "/v2/access/users/\(fan)")
            #expect(status == 200 && user.id == fan)
            #expect(user.name == wire["name"] as? String && user.username == wire["username"] as? String)
            #expect(user.isVerified == wire["isVerified"] as? Bool)
            #expect(user.avatar?.absoluteString == nonEmpty(wire["avatar"]))
            let thumbs = try #require(wire["avatarThumbs"] as? [String: Any])
            #expect(user.avatarThumbnails.size50?.absoluteString == nonEmpty(thumbs["c50"]))
            #expect(user.avatarThumbnails.size144?.absoluteString == nonEmpty(thumbs["c144"]))
            #expect(user.note == nil && user.customName == nil, "none yet: nil, not \"\"")

            let creator = try await client.user(id: Int(world.ownerCreatorID))
            #expect(creator.id == Int(world.ownerCreatorID), "the creator may see itself")
            let missing = await #expect(throws: FanoutClientError.self) { try await client.user(id: 999_999_999) }
            #expect(missing?.status == .notFound)
        }
    }

    @Test(arguments: StorageBackend.available) func usersByIDsInIDOrderLeavingOutWhoCannotBeSeen(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fans = try await client.subscribersPage(type: .active, limit: 3).items.map(\.id)
            try #require(fans.count == 3)
            let users = try await client.users(ids: [999_999_999] + fans.reversed())
            #expect(users.map(\.id) == fans.sorted(), "in id order, the unknown id left out")
            let wire = try #require(try await world.plain("GET", "/v2/access/users/list?userIds=\(fans.map(String.init).joined(separator: ","))")
                .json["users"] as? [[String: Any]])
            #expect(users.map(\.id) == wire.map { $0["id"] as? Int })
            for (fan, json) in zip(users, wire) {
                #expect(fan.isSubscribed && fan.isSubscribed == json["subscribedOn"] as? Bool)
                #expect(fan.user.username == json["username"] as? String && fan.canChat == json["canChat"] as? Bool)
                #expect(!fan.isRestricted && !fan.isBlocked && fan.canRestrict && !fan.isPerformer)
            }
            let tooMany = await #expect(throws: FanoutClientError.self) { try await client.users(ids: Array(1...11)) }
            #expect(tooMany?.status == .badRequest && tooMany?.field == "userIds")
            #expect(FanoutClient.usersByIDLimit == 10)
            let none = await #expect(throws: FanoutClientError.self) { try await client.users(ids: []) }
            #expect(none?.status == .badRequest && none?.field == "userIds")
        }
    }

    @Test(arguments: StorageBackend.available) func searchWalksEveryMatchAsThePlainWalk(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            var walked: [Int] = []
            for try await fan in client.searchUsers("a", pageSize: 4) { walked.append(fan.id) }
            var plain: [Int] = []
            var offset = 0
            while true {
                let page = try await world.plainArray("/v2/access/users/search?query=a&limit=4&offset=\(offset)")
                plain += page.compactMap { $0["id"] as? Int }
                guard page.count == 4 else { break }
                offset += 4
            }
            #expect(walked.count > 4 && walked == plain && Set(walked).count == walked.count)

            let fan = try #require(try await client.subscribersPage(limit: 1).items.first)
            let found = try await client.searchUsersPage(String(fan.user.username.prefix(6)).uppercased(), limit: 100)
            #expect(found.items.contains { $0.id == fan.id }, "case ignored")
            #expect(try await client.searchUsersPage("", limit: 5).items.isEmpty, "no query finds none")
            let short = try await client.searchUsersPage("a", limit: 100)
            #expect(short.items.count == walked.count && !short.hasMore)
            let badLimit = await #expect(throws: FanoutClientError.self) { try await client.searchUsersPage("a", limit: 0) }
            #expect(badLimit?.status == .badRequest && badLimit?.field == "limit")
        }
    }

    @Test(arguments: StorageBackend.available) func restrictedAndBlockedWalkAsThePlainWalks(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fans = try await client.subscribersPage(limit: 9).items.map(\.id)
            try #require(fans.count == 9)
            for fan in fans.prefix(5) { try await client.restrictUser(id: fan) }
            try await client.restrictUser(id: fans[0], idempotencyKey: "again")
            var restricted: [FanoutClient.Fan] = []
            for try await fan in client.restrictedUsers(pageSize: 2) { restricted.append(fan) }
            let wire = try await world.plainOffsetWalk("/v2/access/users/restrict", limit: 2)
            #expect(restricted.map(\.id) == wire.map { $0["id"] as? Int })
            #expect(Set(restricted.map(\.id)) == Set(fans.prefix(5)) && restricted.allSatisfy(\.isRestricted))
            #expect(try await client.users(ids: [fans[1]]).first?.isRestricted == true)

            try await client.unrestrictUser(id: fans[1])
            try await client.unrestrictUser(id: fans[8])
            let page = try await client.restrictedUsersPage(limit: 100)
            #expect(Set(page.items.map(\.id)) == Set([fans[0], fans[2], fans[3], fans[4]]) && !page.hasMore)
            let first = try await client.restrictedUsersPage(limit: 3)
            #expect(first.items.count == 3 && first.next == .offset(3))

            #expect(try await client.blockedUsersPage().items.isEmpty, "nobody blocked yet")
            for fan in fans.suffix(3) {
                #expect(try await world.plain("POST", "/sandbox/users/\(fan)/block").status == 200)
            }
            var blocked: [FanoutClient.Fan] = []
            for try await fan in client.blockedUsers(pageSize: 2) { blocked.append(fan) }
            let blockedWire = try await world.plainOffsetWalk("/v2/access/users/blocked", limit: 2)
            #expect(blocked.map(\.id) == blockedWire.map { $0["id"] as? Int })
            #expect(Set(blocked.map(\.id)) == Set(fans.suffix(3)) && blocked.allSatisfy { $0.isBlocked && !$0.canReceiveChatMessages })
            #expect(try await client.blockedUsersPage(limit: 2).hasMore)

            for (name, write) in [
                ("restrict", { try await client.restrictUser(id: 999_999_999) }),
                ("unrestrict", { try await client.unrestrictUser(id: 999_999_999) }),
            ] as [(String, () async throws -> Void)] {
                let error = await #expect(throws: FanoutClientError.self, "\(name)") { try await write() }
                #expect(error?.status == .notFound, "\(name)")
            }
            let badLimit = await #expect(throws: FanoutClientError.self) { try await client.blockedUsersPage(limit: 101) }
            #expect(badLimit?.field == "limit")
            let badOffset = await #expect(throws: FanoutClientError.self) { try await client.restrictedUsersPage(offset: -1) }
            #expect(badOffset?.status == .badRequest && badOffset?.field == "offset")
        }
    }
}

fileprivate func nonEmpty(_ value: Any?) -> String? {
    guard let text = value as? String, !text.isEmpty else { return nil }
    return text
}

extension ClientWorld {
    /// A plain GET whose answer is a JSON array.
    fileprivate func plainArray(_ pathAndQuery: String) async throws -> [[String: Any]] {
        let org = credentials.organizations[0]
        var request = URLRequest(url: URL(string: baseURL.absoluteString + pathAndQuery)!)
        request.setValue(org.apiKey, forHTTPHeaderField: "apiKey")
        request.setValue(org.connections[0].id, forHTTPHeaderField: "x-connection-id")
        let (data, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 200, "\(pathAndQuery)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }
}
