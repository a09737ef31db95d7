import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// Chats, chat messages, chat media, sending and unsending, against a live
/// Fanout and compared with the wire.
@Suite struct FanoutClientChatsTests {
    typealias Wire = MessagingWire

    @Test(arguments: StorageBackend.available) func chatsAreTheWiresAndWalkAsThePlainWalk(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let page = try await client.chatsPage(order: .recent, limit: 5)
            let (_, plain) = try await world.plain("GET", "/v2/access/chats?limit=5&order=recent")
            let wire = try #require(plain["list"] as? [[String: Any]])
            let nextOffset = try #require(plain["nextOffset"] as? Int)
            #expect(page.items.count == 5 && page.hasMore && page.next == .offset(nextOffset))
            for (chat, wire) in zip(page.items, wire) {
                #expect(chat.withUser.id == (wire["withUser"] as? [String: Any])?["id"] as? Int)
                #expect(chat.unreadCount == wire["unreadMessagesCount"] as? Int)
                #expect(chat.isMuted == wire["isMutedNotifications"] as? Bool)
                let last = try #require(chat.lastMessage)
                #expect(Wire.matches(last, try #require(wire["lastMessage"] as? [String: Any])))
            }

            let walked = try await client.chats(pageSize: 3).reduce(into: [Int]()) { $0.append($1.withUser.id) }
            let plainWalk = try await world.plainOffsetWalk("/v2/access/chats", limit: 3).compactMap { ($0["withUser"] as? [String: Any])?["id"] as? Int }
            #expect(walked.count > 6 && walked == plainWalk, "several pages of 3, the plain walk's chats in order")

            let tipped = try await client.chats(order: .old, filter: .whoTipped, pageSize: 2).reduce(into: [Int]()) { $0.append($1.withUser.id) }
            let plainTipped = try await world.plainOffsetWalk("/v2/access/chats?order=old&filter=who_tipped", limit: 2)
                .compactMap { ($0["withUser"] as? [String: Any])?["id"] as? Int }
            #expect(!tipped.isEmpty && tipped == plainTipped && tipped != Array(walked.prefix(tipped.count)))

            await #expect(performing: { try await client.chatsPage(limit: 21) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
            await #expect(performing: { try await client.chatsPage(userListID: 987_654) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
        }
    }

    @Test func prefixStopsFetching() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            let five = try await client.chats(pageSize: 2).prefix(5).reduce(into: 0) { count, _ in count += 1 }
            #expect(five == 5)
            let chatRequests = world.transport.exchanges.filter { $0.request.path?.hasPrefix("/v2/access/chats?") == true }
            #expect(chatRequests.count == 3, "pages of 2: three pages for five chats, no fourth")
        }
    }

    /// A fan whose chat has more than one page of 10 messages.
    static func longChat(_ client: FanoutClient) async throws -> Int {
        for try await chat in client.chats(pageSize: 20) {
            if try await client.chatMessagesPage(userID: chat.withUser.id, limit: 10).hasMore { return chat.withUser.id }
        }
        throw FanoutClientError.invalidResponse(field: "chats", value: "no chat longer than 10 messages")
    }

    @Test(arguments: StorageBackend.available) func chatMessagesWalkByLastIDAsThePlainWalk(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try await Self.longChat(client)
            let path = "/v2/access/chats/\(fan)/messages"
            let walked = try await client.chatMessages(userID: fan, pageSize: 4).reduce(into: [FanoutClient.Message]()) { $0.append($1) }
            let plain = try await Wire.lastIDWalk(world, path, limit: 4)
            #expect(walked.count > 10 && walked.map(\.id) == Wire.ids(plain))
            #expect(zip(walked, plain).allSatisfy { Wire.matches($0, $1) }, "each message is the wire's, price and dates too")
            #expect(walked.map(\.id) == walked.map(\.id).sorted(by: >), "newest first")

            let walk = world.transport.exchanges.compactMap(\.request.path).filter { $0.hasPrefix(path) && $0.contains("limit=4") }
            #expect(walk.count == (walked.count + 3) / 4 || walk.count == walked.count / 4 + 1, "pages of 4")
            #expect(walk.allSatisfy { !$0.contains("offset=") })
            #expect(!walk[0].contains("last_id=") && walk.dropFirst().allSatisfy { $0.contains("last_id=") })

            let oversized = try await client.chatMessages(userID: fan, pageSize: 50).prefix(1).reduce(into: 0) { count, _ in count += 1 }
            #expect(oversized == 1)
            #expect(world.transport.exchanges.last?.request.path?.contains("limit=10") == true, "never above the documented maximum")

            // A search walks as the plain search does.
            let word = try #require(walked.first { $0.text.count > 3 }?.text.split(separator: " ").first.map(String.init))
            let found = try await client.chatMessages(userID: fan, query: word, pageSize: 2).reduce(into: [Int]()) { $0.append($1.id) }
            let encoded = try #require(word.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let plainFound = Wire.ids(try await Wire.lastIDWalk(world, "\(path)?query=\(encoded)", limit: 2))
            #expect(!found.isEmpty && found == plainFound)

            // first_id: that message first, then older ones; one not in this chat: 404.
            let middle = walked[5]
            let from = try await client.chatMessagesPage(userID: fan, firstID: middle.id, limit: 3)
            #expect(from.items.map(\.id) == walked[5..<8].map(\.id))
            let offset = try await client.chatMessagesPage(userID: fan, limit: 2, offset: 3)
            #expect(offset.items.map(\.id) == walked[3..<5].map(\.id))
            let other = try #require(try await client.chatsPage(limit: 2).items.map(\.withUser.id).first { $0 != fan })
            let stranger = try #require(try await client.chatMessagesPage(userID: other, limit: 1).items.first)
            await #expect(performing: { try await client.chatMessagesPage(userID: fan, firstID: stranger.id) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await client.chatMessagesPage(userID: fan, limit: 11) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }

    @Test(arguments: StorageBackend.available) func includeUsersGivesTheTwoParticipants(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.chatsPage(limit: 1).items.first).withUser.id
            let page = try await client.chatMessagesPageWithUsers(userID: fan, limit: 3)
            let (_, plain) = try await world.plain("GET", "/v2/access/chats/\(fan)/messages?limit=3&include_users=true")
            let users = try #require(plain["users"] as? [[String: Any]])
            #expect(page.users.map(\.id) == Wire.ids(users) && Set(page.users.map(\.id)) == [fan, Int(world.ownerCreatorID)])
            for (user, wire) in zip(page.users, users) {
                #expect(user.name == wire["name"] as? String && user.username == wire["username"] as? String)
            }
            #expect(page.messages.items.map(\.id) == Wire.ids(try #require(plain["list"] as? [[String: Any]])))
            #expect(page.messages.next == (plain["nextLastId"] as? Int).map { .lastID($0) })
        }
    }

    @Test(arguments: StorageBackend.available) func sendAndUnsendAsTheWireShowsThem(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.chatsPage(limit: 5).items.first { $0.canSendMessage }).withUser.id
            let (_, vault) = try await world.plain("GET", "/v2/access/vault/media?limit=2")
            let mediaIDs = Wire.ids(try #require(vault["list"] as? [[String: Any]]))
            try #require(mediaIDs.count == 2)

            let price = try #require(Decimal(string: "9.99"))
            let paid = try await client.sendMessage(
                to: fan, .init(text: "Paid from Swift", mediaIDs: mediaIDs, previewCount: 1, price: price, isTextLocked: true))
            #expect(paid.price == price && !paid.isFree && paid.text == "Paid from Swift" && paid.fromUser.id == Int(world.ownerCreatorID))
            #expect(paid.media.map(\.id) == mediaIDs && paid.previewMediaIDs == [mediaIDs[0]] && paid.isTextLocked)
            let (_, listed) = try await world.plain("GET", "/v2/access/chats/\(fan)/messages?limit=1")
            let wire = try #require((listed["list"] as? [[String: Any]])?.first)
            #expect(Wire.matches(paid, wire) && Wire.money(wire["price"]) == price)

            let free = try await client.sendMessage(to: fan, text: "Free from Swift")
            #expect(free.price == 0 && free.isFree && free.media.isEmpty)
            #expect(try await client.chatsPage(limit: 1).items.first?.withUser.id == fan, "the chat just written to comes first")

            await #expect(performing: { try await client.sendMessage(to: fan, text: "Too dear", price: 200.01) }, throws: Wire.code("BAD_REQUEST", field: "price"))
            await #expect(performing: { try await client.sendMessage(to: fan, .init(text: "x", mediaIDs: [987_654_321])) }, throws: Wire.code("BAD_REQUEST", field: "mediaItems"))
            await #expect(performing: { try await client.sendMessage(to: 987_654_321, text: "Hello?") }, throws: Wire.code("BAD_REQUEST", field: "userId"))

            let unsent = try await client.unsendMessage(id: free.id, userID: fan)
            #expect(unsent.isSuccess)
            let (_, after) = try await world.plain("GET", "/v2/access/chats/\(fan)/messages?limit=1")
            #expect(Wire.ids(after["list"] as? [[String: Any]] ?? []) == [paid.id], "gone from the chat")
            await #expect(performing: { try await client.unsendMessage(id: free.id, userID: fan) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            var fansOwn: (id: Int, fan: Int)?
            for chat in try await client.chatsPage(limit: 20).items where fansOwn == nil {
                let fan = chat.withUser.id
                fansOwn = try await client.chatMessagesPage(userID: fan).items.first { $0.fromUser.id == fan }.map { ($0.id, fan) }
            }
            let fanMessage = try #require(fansOwn, "a fan's message")
            await #expect(performing: { try await client.unsendMessage(id: fanMessage.id, userID: fanMessage.fan) }, throws: Wire.code("BAD_REQUEST", field: "messageId"))
            await #expect(performing: { try await client.unsendMessage(id: paid.id, userID: fanMessage.fan == fan ? 987_654_321 : fanMessage.fan) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
        }
    }

    @Test(arguments: StorageBackend.available) func chatMediaWalksByLastIDAsThePlainWalk(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            var chosen: Int?
            for try await chat in client.chats(pageSize: 20) {
                if try await client.chatMediaPage(userID: chat.withUser.id, limit: 2).hasMore {
                    chosen = chat.withUser.id
                    break
                }
            }
            let fan = try #require(chosen, "a chat with more than 2 messages with media")
            let path = "/v2/access/chats/\(fan)/media"
            let before = world.transport.exchanges.count
            let walked = try await client.chatMedia(userID: fan, pageSize: 2).reduce(into: [FanoutClient.Message]()) { $0.append($1) }
            let walk = world.transport.exchanges.dropFirst(before).compactMap(\.request.path)
            let plain = try await Wire.lastIDWalk(world, path, limit: 2)
            #expect(walked.count > 2 && walked.map(\.id) == Wire.ids(plain) && zip(walked, plain).allSatisfy { Wire.matches($0, $1) })
            #expect(walked.allSatisfy { !$0.media.isEmpty })
            #expect(walk.count == (walked.count + 1) / 2 || walk.count == walked.count / 2 + 1, "pages of 2")
            #expect(!walk[0].contains("last_id=") && walk.dropFirst().allSatisfy { $0.contains("last_id=") && !$0.contains("offset=") })

            let photos = try await client.chatMedia(userID: fan, kind: .photos, pageSize: 2).reduce(into: [Int]()) { $0.append($1.id) }
            let plain1 = Wire.ids(try await Wire.lastIDWalk(world, "\(path)?type=photos", limit: 2))
            #expect(photos == plain1)
            let unopened = try await client.chatMedia(userID: fan, opened: false).reduce(into: [Int]()) { $0.append($1.id) }
            let opened = try await client.chatMedia(userID: fan, opened: true).reduce(into: [Int]()) { $0.append($1.id) }
            let plain2 = Wire.ids(try await Wire.lastIDWalk(world, "\(path)?opened=false", limit: 20))
            #expect(unopened == plain2)
            #expect(Set(unopened + opened) == Set(walked.map(\.id)) && Set(unopened).isDisjoint(with: opened))
            let page = try await client.chatMediaPage(userID: fan, lastID: walked[0].id, limit: 1, offset: 1)
            #expect(page.items.map(\.id) == [walked[2].id])

            let named = try await client.chatMediaPage(userID: fan, limit: 5)
            let bare = try await client.chatMediaPage(userID: fan, senderNames: false, limit: 5)
            #expect(named.items.contains { $0.fromUser.name != nil } && bare.items.allSatisfy { $0.fromUser.name == nil })
            #expect(bare.items.map(\.id) == named.items.map(\.id))

            await #expect(performing: { try await client.chatMediaPage(userID: 987_654_321) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await client.chatMediaPage(userID: fan, limit: 101) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }
}
