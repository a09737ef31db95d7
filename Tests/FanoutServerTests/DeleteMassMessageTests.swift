import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

@Suite struct DeleteMassMessageTests {
    typealias List = Components.Schemas.QueueItemList
    typealias Deleted = Components.Schemas.DeleteMassMessageResponse

    @Test(arguments: StorageBackend.available) func deletingAScheduledOneRemovesIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let target = try await api.get("/v2/access/mass-messages?type=scheduled", as: world.owner).decode(List.self).list[0]
                let response = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner)
                #expect(response.status == .ok)
                let body = try response.decode(Deleted.self)
                #expect(body.success)
                #expect(body.queue?.value1.id == target.value1.id)
                #expect(try await api.get("/v2/access/mass-messages/\(target.value1.id)", as: world.owner).status == .notFound)
                let again = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner)
                #expect(again.status == .notFound)
                let remaining = try await MassMessagesEndpointTests.walk(api, world.owner, limit: 20)
                #expect(!remaining.contains { $0.value1.id == target.value1.id })
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unsendingASentOneTakesItBackFromFansButBuyersKeepIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let sent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=sent", limit: 20)
                let target = try #require(sent.first { $0.value2.canUnsend == true && $0.value2.purchasedCount! > 0 })
                #expect(target.value2.unsendSeconds! > 0)
                let deliveriesBefore = try await Self.deliveries(of: target.value1.id, api: api, caller: world.owner)
                #expect(deliveriesBefore.count == target.value2.sentCount)

                let response = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner)
                #expect(response.status == .ok)
                let queue = try #require(try response.decode(Deleted.self).queue)
                #expect(queue.value2.isCanceled == true)
                #expect(queue.value2.canUnsend == false)
                #expect(queue.value2.unsendSeconds == 0)
                #expect(queue.value2.purchasedCount == target.value2.purchasedCount)

                // Listed under unsent now, no longer under sent; a second DELETE is 404.
                let unsent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=unsent", limit: 20)
                #expect(unsent.contains { $0.value1.id == target.value1.id && $0.value2.isCanceled == true })
                let stillSent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=sent", limit: 20)
                #expect(!stillSent.contains { $0.value1.id == target.value1.id })
                #expect(try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner).status == .notFound)

                // Only the deliveries someone bought remain in the fans' chats.
                let deliveriesAfter = try await Self.deliveries(of: target.value1.id, api: api, caller: world.owner)
                #expect(deliveriesAfter.count == target.value2.purchasedCount)
                #expect(deliveriesAfter.allSatisfy { $0.value1.canPurchase == false && $0.value1.canPurchaseReason == "purchased" })
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unsendAfterTheWindowIsA400(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, policy: MessagingPolicy(unsendWindow: 3600)) { world in
            try await world.withClient { api in
                let sent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=sent", limit: 20)
                let target = try #require(sent.first { $0.value2.canUnsend == true })
                world.clock.advance(by: 3600)
                let response = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.owner)
                #expect(response.status == .badRequest)
                let error = try response.error
                #expect(error._type == "BAD_REQUEST")
                #expect(error.message.contains("unsend window"))
                #expect(error.details?.field == "massMessageId")
                let after = try await api.get("/v2/access/mass-messages/\(target.value1.id)", as: world.owner).decode(Components.Schemas.QueueItem.self)
                #expect(after.value2.isCanceled == false)
                #expect(after.value2.canUnsend == false)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func deleteNeedsMessagesWrite(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let target = try await api.get("/v2/access/mass-messages?type=scheduled", as: world.readOnly).decode(List.self).list[0]
                let response = try await api.delete("/v2/access/mass-messages/\(target.value1.id)", as: world.readOnly)
                #expect(response.status == .forbidden)
                #expect(try response.error._type == "FORBIDDEN")
                #expect(try response.error.message.contains("messages:write"))
                #expect(try await api.get("/v2/access/mass-messages/\(target.value1.id)", as: world.owner).status == .ok)
            }
        }
    }

    /// Every delivery of a mass message still in the creator's chats.
    static func deliveries(of massMessageID: Int, api: APIClient, caller: Caller) async throws -> [Components.Schemas.Message] {
        var result: [Components.Schemas.Message] = []
        var offset = 0
        while true {
            let chats = try await api.get("/v2/access/chats?limit=20&offset=\(offset)", as: caller).decode(Components.Schemas.ChatList.self)
            for chat in chats.list {
                result += try await ChatMessagesEndpointTests.walkByCursor(api, caller, userID: chat.withUser.id, limit: 10)
                    .filter { $0.value1.queueId == massMessageID }
            }
            offset += chats.list.count
            if !chats.hasMore { return result }
        }
    }
}
