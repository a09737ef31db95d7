import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

@Suite struct DirectMessagesEndpointTests {
    typealias Message = Components.Schemas.Message

    static func subscribedFan(_ api: APIClient, _ caller: Caller, subscribed: Bool = true) async throws -> Int {
        try #require(try await ChatsEndpointTests.all(api, caller).first { $0.canSendMessage == subscribed }?.withUser.id)
    }

    @Test(arguments: StorageBackend.available) func sendingAPaidMessageMakesItTheChatsNewest(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await Self.subscribedFan(api, world.owner)
                let media = try await MassMessageLifecycleTests.mediaID(api, world.owner)
                let response = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: [
                    "text": "Just for you", "mediaItems": [String(media)], "price": 4.5,
                ])
                #expect(response.status == .ok)
                let message = try response.decode(Message.self)
                #expect(message.value1.text == "Just for you")
                #expect(message.value2.price == 4.5)
                #expect(message.value1.canPurchase == true && message.value1.isFree == false)
                #expect(message.value1.media.map(\.id) == [media])
                #expect(message.value1.fromUser.value1?.id == Int(world.owner.creatorID))
                #expect(message.value1.cancelSeconds == 120)

                let newest = try await api.get("/v2/access/chats/\(fan)/messages?limit=1", as: world.owner).decode(Components.Schemas.MessageList.self)
                #expect(newest.list.first?.value1.id == message.value1.id)
                let chats = try await api.get("/v2/access/chats?limit=1", as: world.owner).decode(Components.Schemas.ChatList.self)
                #expect(chats.list.first?.withUser.id == fan)
                #expect(chats.list.first?.lastMessage?.value1.id == message.value1.id)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func onlyActiveSubscribersCanBeMessaged(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let lapsed = try await Self.subscribedFan(api, world.owner, subscribed: false)
                let response = try await api.send("/v2/access/chats/\(lapsed)/messages", method: .post, as: world.owner, json: ["text": "Hi"])
                #expect(response.status == .badRequest)
                #expect(try response.error.details?.field == "userId")
                #expect(try response.error.message.contains("not an active subscriber"))
                let stranger = try await api.send("/v2/access/chats/424242/messages", method: .post, as: world.owner, json: ["text": "Hi"])
                #expect(stranger.status == .badRequest)
                let readOnly = try await api.send("/v2/access/chats/\(lapsed)/messages", method: .post, as: world.readOnly, json: ["text": "Hi"])
                #expect(readOnly.status == .forbidden)
            }
        }
    }

    /// A subscribed fan who has written in their chat, and one of their messages.
    static func conversation(_ api: APIClient, _ caller: Caller) async throws -> (fan: Int, fanMessage: Int) {
        for chat in try await ChatsEndpointTests.all(api, caller) where chat.canSendMessage == true {
            let messages = try await ChatMessagesEndpointTests.walkByOffset(api, caller, userID: chat.withUser.id, limit: 10)
            if let own = messages.first(where: { $0.value1.fromUser.value1?.id == chat.withUser.id }) {
                return (chat.withUser.id, own.value1.id)
            }
        }
        Issue.record("no conversation in the demo")
        throw CancellationError()
    }

    @Test(arguments: StorageBackend.available) func unsendWorksWithinTheCancelWindowOnly(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let (fan, fanMessage) = try await Self.conversation(api, world.owner)
                func send(_ text: String) async throws -> Int {
                    try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": text]).decode(Message.self).value1.id
                }
                let first = try await send("first")
                let missingBody = try await api.send("/v2/access/chats/\(fan)/messages/\(first)", method: .delete, as: world.owner, json: [String: Any]())
                #expect(try missingBody.error.details?.field == "withUserId")
                let wrongUser = try await api.send("/v2/access/chats/\(fan)/messages/\(first)", method: .delete, as: world.owner, json: ["withUserId": 1])
                #expect(try wrongUser.error.details?.field == "withUserId")

                let unsent = try await api.send("/v2/access/chats/\(fan)/messages/\(first)", method: .delete, as: world.owner, json: ["withUserId": String(fan)])
                #expect(unsent.status == .ok)
                #expect(try unsent.decode(Components.Schemas.UnsendMessageResponse.self).success)
                let after = try await ChatMessagesEndpointTests.walkByOffset(api, world.owner, userID: fan, limit: 10)
                #expect(!after.contains { $0.value1.id == first })
                let again = try await api.send("/v2/access/chats/\(fan)/messages/\(first)", method: .delete, as: world.owner, json: ["withUserId": fan])
                #expect(again.status == .notFound)

                let second = try await send("second")
                world.clock.advance(by: 121)
                let late = try await api.send("/v2/access/chats/\(fan)/messages/\(second)", method: .delete, as: world.owner, json: ["withUserId": fan])
                #expect(late.status == .badRequest)
                #expect(try late.error.message.contains("cancel window"))
                let notMine = try await api.send("/v2/access/chats/\(fan)/messages/\(fanMessage)", method: .delete, as: world.owner, json: ["withUserId": fan])
                #expect(notMine.status == .badRequest)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func chatMediaListsMessagesWithMediaOfTheAskedType(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await ChatMessagesEndpointTests.busiestFan(api, world.owner)
                let all = try await ChatMessagesEndpointTests.walkByOffset(api, world.owner, userID: fan, limit: 10)
                let withMedia = all.filter { !$0.value1.media.isEmpty }.map(\.value1.id)
                let page = try await api.get("/v2/access/chats/\(fan)/media?limit=100", as: world.owner).decode(Components.Schemas.ChatMediaList.self)
                #expect(page.list.map(\.value1.id) == withMedia)
                for (type, kind) in [("photos", "photo"), ("videos", "video"), ("audios", "audio")] {
                    let filtered = try await api.get("/v2/access/chats/\(fan)/media?limit=100&type=\(type)", as: world.owner).decode(Components.Schemas.ChatMediaList.self)
                    #expect(filtered.list.map(\.value1.id) == all.filter { message in message.value1.media.contains { $0._type.rawValue == kind } }.map(\.value1.id))
                }
                let opened = try await api.get("/v2/access/chats/\(fan)/media?limit=100&opened=1", as: world.owner).decode(Components.Schemas.ChatMediaList.self)
                #expect(opened.list.allSatisfy { $0.value1.isOpened == true })
                #expect(try await api.get("/v2/access/chats/\(fan)/media?type=gifs", as: world.owner).status == .badRequest)
                #expect(try await api.get("/v2/access/chats/\(fan)/media?limit=101", as: world.owner).status == .badRequest)

                // skip_users=all: the same messages, each sender its id alone.
                let named = try await api.get("/v2/access/chats/\(fan)/media?limit=100&skip_users=none", as: world.owner).object
                let bare = try await api.get("/v2/access/chats/\(fan)/media?limit=100&skip_users=all", as: world.owner).object
                let namedSenders = try #require(named["list"] as? [[String: Any]]).compactMap { $0["fromUser"] as? [String: Any] }
                let bareSenders = try #require(bare["list"] as? [[String: Any]]).compactMap { $0["fromUser"] as? [String: Any] }
                #expect(!bareSenders.isEmpty && bareSenders.count == namedSenders.count)
                #expect(namedSenders.allSatisfy { $0["name"] is String })
                #expect(bareSenders.allSatisfy { $0["name"] == nil && $0["_view"] != nil })
                #expect(bareSenders.map { $0["id"] as? Int } == namedSenders.map { $0["id"] as? Int })
            }
        }
    }
}
