import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// A chat page is newest first by id and by `createdAt` alike: a delivery
/// written after its send started (the demo's half-sent mass message,
/// finished when the server starts) is dated when it reached the fan.
@Suite struct ChatOrderTests {
    static func dates(_ messages: [Components.Schemas.Message]) -> [String] { messages.map { $0.value1.createdAt ?? "" } }

    @Test(arguments: StorageBackend.available)
    func everyDemoChatIsNewestFirstByIdAndByDateAfterTheQueuedSendFinishes(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            // The demo's queued mass message was created two hours before now and is half delivered.
            #expect(try await world.fanOut.drain() > 0)
            try await world.withClient { api in
                var chatsSeen = 0, lateDeliveries = 0
                for caller in [world.owner, world.secondCreator] {
                    for chat in try await ChatsEndpointTests.all(api, caller) {
                        let messages = try await ChatMessagesEndpointTests.walkByOffset(api, caller, userID: chat.withUser.id, limit: 10)
                        let ids = messages.map(\.value1.id)
                        #expect(ids == ids.sorted(by: >), "chat with \(chat.withUser.id)")
                        // ISO 8601 in UTC with a fixed width: text order is time order.
                        let dates = Self.dates(messages)
                        #expect(dates == dates.sorted(by: >), "chat with \(chat.withUser.id): \(dates.prefix(3))")
                        #expect(chat.lastMessage?.value1.createdAt == dates.first, "the chats list dates the newest message alike")
                        if messages.first?.value1.createdAt == Timestamp.string(TestWorld.anchor) { lateDeliveries += 1 }
                        chatsSeen += 1
                    }
                }
                #expect(chatsSeen > 10)
                #expect(lateDeliveries > 0, "some chats' newest message is the delivery the fan-out finished now")
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func aLateDeliveryKeepsItsDateWhenTheFanOpensIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            world.clock.advance(by: 90)
            _ = try await world.fanOut.drain()
            try await world.withClient { api in
                for chat in try await ChatsEndpointTests.all(api, world.owner) {
                    guard let last = chat.lastMessage, last.value1.createdAt == Timestamp.string(TestWorld.anchor.addingTimeInterval(90)),
                          last.value1.isFromQueue == true
                    else { continue }
                    let opened = try await api.send(
                        "/sandbox/fans/\(chat.withUser.id)/messages/\(last.value1.id)/open", method: .post, headers: world.owner.headers)
                    #expect(opened.status == .ok)
                    let page = try await api.get("/v2/access/chats/\(chat.withUser.id)/messages?limit=1", as: world.owner)
                        .decode(ChatMessagesEndpointTests.MessageList.self)
                    #expect(page.list.first?.value1.id == last.value1.id && page.list.first?.value1.isOpened == true)
                    #expect(page.list.first?.value1.createdAt == last.value1.createdAt, "opened, it is still dated when it arrived")
                    return
                }
                Issue.record("no chat whose newest message is a late delivery")
            }
        }
    }
}
