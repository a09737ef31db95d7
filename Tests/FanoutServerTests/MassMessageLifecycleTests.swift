import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing

/// Creating, scheduling, editing, delivering and withdrawing mass messages:
/// every number comes from what the fan-out really did.
@Suite struct MassMessageLifecycleTests {
    typealias Created = Components.Schemas.MassMessageCreated
    typealias Item = Components.Schemas.QueueItem

    /// A ready vault media item of the caller's creator (seen on its mass messages).
    static func mediaID(_ api: APIClient, _ caller: Caller) async throws -> Int {
        let all = try await MassMessagesEndpointTests.walk(api, caller, limit: 20)
        return try #require(all.flatMap(\.value1.media).first { $0.isReady }?.id)
    }

    @Test(arguments: StorageBackend.available) func sendingNowDeliversOnceToEveryActiveSubscriber(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                try await world.fanOut.drain()  // the demo's own queued mass message
                let media = try await Self.mediaID(api, world.owner)
                let response = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Fresh drop", "mediaItems": [media], "price": 9.99,
                ])
                #expect(response.status == .ok)
                let created = try response.decode(Created.self)
                #expect(created.total > 0 && created.pending == created.total && !created.isDone && !created.isCanceled)
                #expect(try await world.fanOut.deliverBatch() == world.fanOut.nextBatchSize)
                let partway = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(partway.value2.pending == created.total - world.fanOut.nextBatchSize && partway.value2.isDone == false)

                let handled = try await world.fanOut.drain() + world.fanOut.nextBatchSize
                #expect(handled >= created.total)
                let item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value2.sentCount == created.total && item.value2.pending == 0 && item.value2.isDone == true)
                #expect(item.value2.price == "9.99")
                #expect(item.value2.canUnsend == true)
                let sent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=sent", limit: 20)
                #expect(sent.first?.value1.id == created.id)

                // Every recipient's chat now opens with this delivery, exactly once.
                let deliveries = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                #expect(deliveries.count == created.total)
                #expect(deliveries.allSatisfy { $0.value1.isFromQueue == true && $0.value1.text == "Fresh drop" && $0.value1.canPurchase == true })
                let chats = try await ChatsEndpointTests.all(api, world.owner)
                let fresh = chats.filter { $0.lastMessage?.value1.queueId == created.id }
                #expect(fresh.count == created.total)
                #expect(chats.prefix(fresh.count).allSatisfy { $0.lastMessage?.value1.queueId == created.id })
                #expect(try await world.fanOut.drain() == 0)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theDemosHalfDeliveredMassMessageCompletesWithoutDuplicates(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let unsent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=unsent", limit: 20)
                let queued = try #require(unsent.first { $0.value2.isCanceled == false })
                let before = try await DeleteMassMessageTests.deliveries(of: queued.value1.id, api: api, caller: world.owner).count
                #expect(before == queued.value2.sentCount && before > 0)
                try await world.fanOut.drain()
                let after = try await api.get("/v2/access/mass-messages/\(queued.value1.id)", as: world.owner).decode(Item.self)
                let deliveries = try await DeleteMassMessageTests.deliveries(of: queued.value1.id, api: api, caller: world.owner)
                #expect(after.value2.sentCount! > before)
                #expect(deliveries.count == after.value2.sentCount)
                #expect(Set(deliveries.map(\.value1.id)).count == deliveries.count)
                let sent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=sent", limit: 20)
                #expect(sent.contains { $0.value1.id == queued.value1.id })
            }
        }
    }

    @Test(arguments: StorageBackend.available) func explicitRecipientsAreKeptToActiveSubscribersEachOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let chats = try await ChatsEndpointTests.all(api, world.owner)
                let subscribed = chats.filter { $0.canSendMessage == true }.map(\.withUser.id)
                let lapsed = chats.filter { $0.canSendMessage == false }.map(\.withUser.id)
                let strangers = try await ChatsEndpointTests.all(api, world.otherTenant).map(\.withUser.id).filter { !chats.map(\.withUser.id).contains($0) }
                let chosen = Array(subscribed.prefix(3))
                var userIds: [Any] = chosen.map { $0 as Any }
                userIds.append(String(chosen[0]))
                userIds.append(chosen[1])
                userIds += lapsed.prefix(2).map { $0 as Any }
                userIds += strangers.prefix(2).map { $0 as Any }
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Just for you three", "userIds": userIds,
                ]).decode(Created.self)
                #expect(created.total == 3)
                try await world.fanOut.drain()
                let deliveries = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                #expect(deliveries.count == 3)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aScheduledOneGoesOutWhenItsDateComes(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let at = TestWorld.anchor.addingTimeInterval(3600)
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Tonight", "scheduledDate": at.formatted(.iso8601),
                ]).decode(Created.self)
                #expect(created.total > 0 && !created.isDone)
                let scheduled = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=scheduled", limit: 20)
                #expect(scheduled.contains { $0.value1.id == created.id && $0.value2.date == created.date })

                #expect(try await world.scheduler.tick() == 0)
                world.clock.advance(by: 3599)
                #expect(try await world.scheduler.tick() == 0)
                world.clock.advance(by: 1)
                #expect(try await world.scheduler.tick() == 1)
                try await world.fanOut.drain()
                let item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value2.sentCount == created.total)
                #expect(item.value2.canUnsend == true)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func editingWorksOnlyWhileScheduled(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let at = TestWorld.anchor.addingTimeInterval(3600)
                let ready = Array(Set(try await MassMessagesEndpointTests.walk(api, world.owner, limit: 20)
                    .flatMap(\.value1.media).filter(\.isReady).map(\.id))).sorted()
                try #require(ready.count >= 2)
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Draft", "scheduledDate": at.formatted(.iso8601), "mediaItems": [ready[0], ready[1]], "previewMediaCount": 1,
                ]).decode(Created.self)
                let draft = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(draft.value1.media.map(\.id) == [ready[0], ready[1]])
                #expect(draft.value1.previews == [ready[0]])
                let later = TestWorld.anchor.addingTimeInterval(7200)
                let edited = try await api.send("/v2/access/mass-messages/\(created.id)", method: .put, as: world.owner, json: [
                    "text": "Final text", "scheduledDate": later.formatted(.iso8601), "mediaItems": [ready[1]],
                ])
                #expect(edited.status == .ok)
                let item = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(item.value1.text == "Final text")
                #expect(item.value1.media.map(\.id) == [ready[1]], "the edit's media replace the draft's")
                #expect(item.value1.previews.isEmpty)
                #expect(try Date(item.value2.date!, strategy: .iso8601) == later)
                let textOnly = try await api.send("/v2/access/mass-messages/\(created.id)", method: .put, as: world.owner, json: [
                    "text": "Final text", "scheduledDate": later.formatted(.iso8601),
                ])
                #expect(textOnly.status == .ok)
                let final = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner).decode(Item.self)
                #expect(final.value1.media.isEmpty, "an edit without media leaves none")

                world.clock.advance(by: 7200)
                try await world.scheduler.tick()
                let tooLate = try await api.send("/v2/access/mass-messages/\(created.id)", method: .put, as: world.owner, json: ["text": "x"])
                #expect(tooLate.status == .badRequest)
                #expect(try tooLate.error.message.contains("started sending"))
                let foreign = try await api.send("/v2/access/mass-messages/\(created.id)", method: .put, as: world.otherTenant, json: ["text": "x"])
                #expect(foreign.status == .notFound)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func unsendingDuringTheFanOutStopsIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                try await world.fanOut.drain()  // the demo's own queued mass message
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "Oops"])
                    .decode(Created.self)
                #expect(created.total > world.fanOut.nextBatchSize, "the demo audience spans several batches")
                #expect(try await world.fanOut.deliverBatch() == world.fanOut.nextBatchSize)
                let deleted = try await api.delete("/v2/access/mass-messages/\(created.id)", as: world.owner)
                #expect(deleted.status == .ok)
                #expect(try deleted.decode(Components.Schemas.DeleteMassMessageResponse.self).queue?.value2.isCanceled == true)
                #expect(try await world.fanOut.drain() == 0)
                let deliveries = try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner)
                #expect(deliveries.isEmpty)
                let unsent = try await MassMessagesEndpointTests.walk(api, world.owner, query: "&type=unsent", limit: 20)
                #expect(unsent.contains { $0.value1.id == created.id })
            }
        }
    }

    static let invalidBodies: [(body: String, field: String)] = [
        (#"{"text": "hi", "price": 250}"#, "price"),
        (#"{"text": "hi", "price": -1}"#, "price"),
        (#"{"text": "hi", "price": 1.234}"#, "price"),
        (#"{"text": "hi", "price": 5}"#, "price"),
        (#"{"text": "hi", "mediaItems": [999999]}"#, "mediaItems"),
        (#"{"text": "hi", "mediaItems": ["upload:abc"]}"#, "mediaItems[0]"),
        (#"{"text": "hi", "mediaItems": [1.5]}"#, "mediaItems[0]"),
        (#"{"text": "hi", "previewMediaCount": 2}"#, "previewMediaCount"),
        (#"{"text": "hi", "scheduledDate": "2001-01-01T00:00:00Z"}"#, "scheduledDate"),
        (#"{"text": "hi", "scheduledDate": "tomorrow"}"#, "scheduledDate"),
        (#"{"text": "hi", "userLists": [424242]}"#, "userLists"),
        (#"{"text": "hi", "userIds": "1,2"}"#, "userIds"),
        (#"{"text": 5}"#, "text"),
        (#"{"isLockedText": "yes", "text": "hi"}"#, "isLockedText"),
        (#"{"text": "hi", "isMarkdown": 4495013788}"#, "isMarkdown"),
        (#"{"text": "hi", "isForwardedMessage": "no"}"#, "isForwardedMessage"),
        (#"{"text": ""}"#, "text"),
        (#"[1, 2]"#, "body"),
        (#"not json"#, "body"),
    ]

    @Test(arguments: invalidBodies)
    func invalidBodiesAre400sNamingTheField(body: String, field: String) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let response = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(try response.error.details?.field == field, "\(body)")
                let all = try await MassMessagesEndpointTests.walk(api, world.owner, limit: 20)
                #expect(all.count == 13, "nothing was stored")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func tooLongTextAndForeignMediaAreRejected(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let long = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": String(repeating: "a", count: 10_001)])
                #expect(try long.error.details?.field == "text")
                let theirs = try await Self.mediaID(api, world.otherTenant)
                let foreign = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "x", "mediaItems": [theirs]])
                #expect(foreign.status == .badRequest)
                #expect(try foreign.error.message.contains(String(theirs)))
                let readOnly = try await api.send("/v2/access/mass-messages", method: .post, as: world.readOnly, json: ["text": "x"])
                #expect(readOnly.status == .forbidden)
            }
        }
    }
}
