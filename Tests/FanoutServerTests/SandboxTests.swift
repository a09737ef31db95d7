import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

/// Simulated fans and time: every count the API shows moves with the event.
@Suite struct SandboxTests {
    typealias Message = Components.Schemas.Message
    typealias Item = Components.Schemas.QueueItem

    @Test(arguments: StorageBackend.available) func aFanWritingAndTippingShowsUpInTheChats(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                let before = try #require(try await ChatsEndpointTests.all(api, world.owner).first { $0.withUser.id == fan })
                let sent = try await api.send("/sandbox/fans/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Hey there!"])
                #expect(sent.status == .ok)
                let message = try sent.decode(Message.self)
                #expect(message.value1.fromUser.value1?.id == fan && message.value1.isNew == true)

                let tip = try await api.send("/sandbox/fans/\(fan)/tips", method: .post, as: world.owner, json: ["amount": 12.5])
                #expect(try tip.decode(Message.self).value1.isTip == true)
                let after = try #require(try await api.get("/v2/access/chats?limit=1", as: world.owner).decode(Components.Schemas.ChatList.self).list.first)
                #expect(after.withUser.id == fan)
                #expect(after.unreadMessagesCount == before.unreadMessagesCount! + 2)
                #expect(after.hasUnreadTips == true)
                let tippers = try await ChatsEndpointTests.all(api, world.owner, query: "&filter=who_tipped").map(\.withUser.id)
                let priority = try await ChatsEndpointTests.all(api, world.owner, query: "&filter=priority").map(\.withUser.id)
                #expect(tippers.contains(fan) && priority.contains(fan))

                let stranger = try await api.send("/sandbox/fans/424242/messages", method: .post, as: world.owner, json: ["text": "hi"])
                #expect(try stranger.error.details?.field == "fanId")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func opensAndPurchasesMoveTheMassMessagesCountsAndAnalytics(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                try await world.fanOut.drain()
                let media = try await MassMessageLifecycleTests.mediaID(api, world.owner)
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Unlock me", "mediaItems": [media], "price": 7,
                ]).decode(Components.Schemas.MassMessageCreated.self)
                try await world.fanOut.drain()
                let deliveries = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                let delivery = try #require(deliveries.first)
                let fan = try #require(try await Self.recipient(of: delivery.value1.id, api: api, caller: world.owner))

                for _ in 0..<2 {
                    let opened = try await api.send("/sandbox/fans/\(fan)/messages/\(delivery.value1.id)/open", method: .post, headers: world.owner.headers)
                    #expect(try opened.decode(Message.self).value1.isOpened == true)
                }
                var item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value2.viewedCount == 1, "opening twice counts once")
                #expect(item.value2.purchasedCount == 0)
                let purchasedBefore = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self).items.map(\.id)
                #expect(!purchasedBefore.contains(created.id))

                let bought = try await api.send("/sandbox/fans/\(fan)/messages/\(delivery.value1.id)/purchase", method: .post, headers: world.owner.headers)
                let boughtMessage = try bought.decode(Message.self)
                #expect(boughtMessage.value1.canPurchase == false && boughtMessage.value1.canPurchaseReason == "purchased")
                item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value2.purchasedCount == 1 && item.value2.canSendMessageToBuyers == true)
                let purchased = try await api.get("/v2/access/analytics/mass-messages/purchased?limit=100", as: world.owner)
                    .decode(Components.Schemas.PurchasedItemList.self)
                #expect(purchased.items.first?.id == created.id && purchased.items.first?.purchasedCount == 1)

                let again = try await api.send("/sandbox/fans/\(fan)/messages/\(delivery.value1.id)/purchase", method: .post, headers: world.owner.headers)
                #expect(again.status == .badRequest)
                let fanOwn = try await api.send("/sandbox/fans/\(fan)/messages", method: .post, as: world.owner, json: ["text": "mine"]).decode(Message.self)
                let buyOwn = try await api.send("/sandbox/fans/\(fan)/messages/\(fanOwn.value1.id)/purchase", method: .post, headers: world.owner.headers)
                #expect(buyOwn.status == .badRequest)

                // Unsending now keeps the buyer's copy only.
                #expect(try await api.delete("/v2/access/mass-messages/\(created.id)", as: world.owner).status == .ok)
                let kept = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                #expect(kept.map(\.value1.id) == [delivery.value1.id])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theClockMovesScheduledSendsAndWindows(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let start = try await api.get("/sandbox/clock", as: world.owner).object["now"] as? String
                let at = TestWorld.anchor.addingTimeInterval(3600)
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Later", "scheduledDate": at.formatted(.iso8601),
                ]).decode(Components.Schemas.MassMessageCreated.self)
                let moved = try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": 3600])
                #expect(moved.status == .ok)
                let now = try moved.object["now"] as? String
                #expect(now != nil && now != start)
                #expect(try await world.scheduler.tick() == 1)
                try await world.fanOut.drain()
                let item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value2.sentCount == created.total)
                let bad = try await api.send("/sandbox/clock/advance", method: .post, as: world.owner, json: ["seconds": 0])
                #expect(try bad.error.details?.field == "seconds")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theSandboxNeedsAKeyAndCanBeTurnedOff(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let anonymous = try await api.get("/sandbox/clock", as: nil)
                #expect(anonymous.status == .unauthorized)
            }
            try await world.withClient(sandbox: false) { api in
                let off = try await api.get("/sandbox/clock", as: world.owner)
                #expect(off.status == .notFound)
                #expect(try off.error._type == "ROUTE_NOT_FOUND")
            }
        }
    }

    /// The fan a delivery went to.
    static func recipient(of messageID: Int, api: APIClient, caller: Caller) async throws -> Int? {
        for chat in try await ChatsEndpointTests.all(api, caller) where chat.lastMessage?.value1.id == messageID {
            return chat.withUser.id
        }
        return nil
    }
}
