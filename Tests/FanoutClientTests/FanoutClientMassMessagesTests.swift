import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// Mass messages: lists, one, create, replace, delete, against a live
/// Fanout and compared with the wire.
@Suite struct FanoutClientMassMessagesTests {
    typealias Wire = MessagingWire

    /// Whether a client mass message holds the wire's values: its message
    /// fields, price, dates, statistics and the state its flags tell.
    static func matches(_ message: FanoutClient.MassMessage, _ wire: [String: Any]) -> Bool {
        let types = wire["mediaTypes"] as? [String: Any] ?? [:]
        let state: FanoutClient.MassMessage.State =
            wire["isCanceled"] as? Bool == true ? .canceled
            : wire["isDone"] as? Bool == true ? .sent
            : (wire["sentCount"] as? Int ?? 0) > 0 ? .sending : .pending
        return message.id == wire["id"] as? Int && message.text == wire["text"] as? String
            && message.price == Wire.money(wire["price"]) && message.isFree == wire["isFree"] as? Bool
            && message.date == Wire.date(wire["date"]) && message.createdAt == Wire.date(wire["createdAt"])
            && message.changedAt == Wire.date(wire["changedAt"])
            && message.media.map(\.id) == Wire.ids(wire["media"] as? [[String: Any]] ?? [])
            && message.previewMediaIDs == (wire["previews"] as? [Int] ?? [])
            && message.isTextLocked == wire["lockedText"] as? Bool
            && message.sentCount == wire["sentCount"] as? Int && message.viewedCount == wire["viewedCount"] as? Int
            && message.purchasedCount == wire["purchasedCount"] as? Int && message.recipientsCount == wire["total"] as? Int
            && message.pendingCount == wire["pending"] as? Int && message.hasError == wire["hasError"] as? Bool
            && message.canUnsend == wire["canUnsend"] as? Bool && message.unsendSeconds == wire["unsendSeconds"] as? Int
            && message.mediaCounts == .init(
                photos: types["photo"] as? Int ?? -1, videos: types["video"] as? Int ?? -1, gifs: types["gif"] as? Int ?? -1,
                audios: types["audio"] as? Int ?? -1)
            && message.state == state
    }

    @Test(arguments: StorageBackend.available) func listsWalkAsThePlainWalkWithTheWiresValues(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let path = "/v2/access/mass-messages"
            let walked = try await client.massMessages(pageSize: 3).reduce(into: [FanoutClient.MassMessage]()) { $0.append($1) }
            let plain = try await world.plainOffsetWalk(path, limit: 3)
            #expect(walked.count > 6 && walked.map(\.id) == Wire.ids(plain), "several pages of 3, the plain walk's in order")
            for (message, wire) in zip(walked, plain) { #expect(Self.matches(message, wire), "mass message \(message.id)") }
            #expect(walked.contains { $0.price > 0 && $0.purchasedCount > 0 } && walked.contains { $0.mediaCounts != .init() })
            let pages = try await client.massMessages(pageSize: 3).pages.reduce(into: 0) { count, _ in count += 1 }
            #expect(pages == (walked.count + 2) / 3)

            var byType: [FanoutClient.MassMessageListType: [FanoutClient.MassMessage]] = [:]
            for type in FanoutClient.MassMessageListType.allCases {
                let typed = try await client.massMessages(type: type, pageSize: 2).reduce(into: [FanoutClient.MassMessage]()) { $0.append($1) }
                let plain1 = Wire.ids(try await world.plainOffsetWalk("\(path)?type=\(type.rawValue)", limit: 2))
                #expect(typed.map(\.id) == plain1, "\(type)")
                byType[type] = typed
            }
            #expect(Set(byType.values.flatMap { $0.map(\.id) }) == Set(walked.map(\.id)), "every mass message in one of the three")
            #expect(!(byType[.sent] ?? []).isEmpty && byType[.sent]!.allSatisfy { $0.state == .sent && $0.pendingCount == 0 })
            #expect(!(byType[.scheduled] ?? []).isEmpty && byType[.scheduled]!.allSatisfy { $0.state == .pending && $0.sentCount == 0 && $0.date > ($0.createdAt ?? .distantFuture) })
            let unsent = Set(byType[.unsent]?.map(\.state) ?? [])
            #expect(unsent == [.canceled, .sending], "the demo's recalled ones and its half-delivered one")
            #expect(byType[.unsent]!.filter { $0.state == .sending }.allSatisfy { $0.pendingCount > 0 && $0.sentCount > 0 })

            let scheduled = try await client.scheduledMassMessages(pageSize: 1).reduce(into: [FanoutClient.MassMessage]()) { $0.append($1) }
            #expect(scheduled == byType[.scheduled]!, "the scheduled list is type=scheduled")
            let plain2 = Wire.ids(try await world.plainOffsetWalk("\(path)/scheduled", limit: 1))
            #expect(scheduled.map(\.id) == plain2)
            let page = try await client.scheduledMassMessagesPage(limit: 1, offset: 1)
            #expect(page.items.map(\.id) == [scheduled[1].id] && page.hasMore == (scheduled.count > 2))

            for message in [byType[.sent]![0], byType[.scheduled]![0], byType[.unsent]![0]] {
                let one = try await client.massMessage(id: message.id)
                let (_, wire) = try await world.plain("GET", "\(path)/\(message.id)")
                #expect(Self.matches(one, wire) && one.id == message.id && one.state == message.state)
            }
            await #expect(performing: { try await client.massMessage(id: 987_654_321) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            let othersID = try #require(Wire.ids(try await world.plainOffsetWalk(path, limit: 20, connection: 1)).first { id in !walked.contains { $0.id == id } })
            await #expect(performing: { try await client.massMessage(id: othersID) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await client.massMessagesPage(limit: 21) }, throws: Wire.code("BAD_REQUEST", field: "limit"))
        }
    }

    @Test(arguments: StorageBackend.available) func createReplaceAndDeleteAScheduledOne(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fans = try await client.chatsPage(limit: 20).items.filter(\.canSendMessage).prefix(2).map(\.withUser.id)
            try #require(fans.count == 2)
            let (_, vault) = try await world.plain("GET", "/v2/access/vault/media?limit=2")
            let mediaIDs = Wire.ids(try #require(vault["list"] as? [[String: Any]]))
            let later = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded(.down))
            let price = try #require(Decimal(string: "12.5"))
            let draft = FanoutClient.MassMessageDraft(
                text: "From Swift", mediaIDs: mediaIDs, previewCount: 1, price: price, isTextLocked: true, userIDs: fans, scheduledDate: later)

            let created = try await client.createMassMessage(draft, idempotencyKey: "swift-mass-1")
            #expect(created.state == .pending && created.date == later && created.recipientsCount == 2 && created.pendingCount == 2)
            #expect(!created.canUnsend && created.unsendSeconds == 0)
            let again = try await client.createMassMessage(draft, idempotencyKey: "swift-mass-1")
            #expect(again.id == created.id, "the same key: the same mass message")
            var other = draft
            other.text = "Another text"
            await #expect(performing: { try await client.createMassMessage(other, idempotencyKey: "swift-mass-1") }, throws: Wire.code("IDEMPOTENCY_KEY_REUSED"))

            let stored = try await client.massMessage(id: created.id)
            let (_, wire) = try await world.plain("GET", "/v2/access/mass-messages/\(created.id)")
            #expect(Self.matches(stored, wire))
            #expect(stored.text == "From Swift" && stored.price == price && Wire.money(wire["price"]) == price && stored.isTextLocked)
            #expect(stored.media.map(\.id) == mediaIDs && stored.previewMediaIDs == [mediaIDs[0]] && stored.date == later)
            #expect(stored.state == .pending && stored.recipientsCount == 2 && stored.fromUser.id == Int(world.ownerCreatorID))
            #expect(try await client.scheduledMassMessages().contains { $0.id == created.id })

            let edited = try await client.replaceMassMessage(id: created.id, with: .init(text: "Edited", scheduledDate: later.addingTimeInterval(60)))
            #expect(edited.id == created.id && edited.date == later.addingTimeInterval(60) && edited.recipientsCount > 2, "now every active subscriber")
            let replaced = try await client.massMessage(id: created.id)
            #expect(replaced.text == "Edited" && replaced.price == 0 && replaced.isFree && replaced.media.isEmpty && !replaced.isTextLocked)

            await #expect(performing: { try await client.createMassMessage(.init(text: "", scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST"))
            await #expect(performing: { try await client.createMassMessage(.init(text: "Dear", price: 250, scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST", field: "price"))
            await #expect(performing: { try await client.createMassMessage(.init(text: "Many", userIDs: Array(1...10_001), scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST", field: "userIds"))
            await #expect(performing: { try await client.createMassMessage(.init(text: "Listed", userListIDs: [987_654], scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST", field: "userLists"))
            await #expect(performing: { try await client.createMassMessage(.init(text: "Media", mediaIDs: [987_654_321], scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST", field: "mediaItems"))
            await #expect(performing: { try await client.replaceMassMessage(id: 987_654_321, with: .init(text: "x", scheduledDate: later)) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            let sent = try #require(try await client.massMessagesPage(type: .sent, limit: 1).items.first)
            await #expect(performing: { try await client.replaceMassMessage(id: sent.id, with: .init(text: "x", scheduledDate: later)) }, throws: Wire.code("BAD_REQUEST"))

            let deleted = try await client.deleteMassMessage(id: created.id)
            #expect(deleted.isSuccess && deleted.massMessage?.id == created.id && deleted.massMessage?.text == "Edited")
            await #expect(performing: { try await client.massMessage(id: created.id) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await client.deleteMassMessage(id: created.id) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
            #expect(!sent.canUnsend, "the demo's sent ones are past their unsend window")
            await #expect(performing: { try await client.deleteMassMessage(id: sent.id) }, throws: Wire.code("BAD_REQUEST", field: "massMessageId"))
        }
    }

    @Test(arguments: StorageBackend.available) func aMassMessageSentNowIsQueuedAndRecalled(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.chatsPage(limit: 20).items.first(where: \.canSendMessage)).withUser.id
            let created = try await client.createMassMessage(.init(text: "Now from Swift", price: 3, isTextLocked: true, userIDs: [fan]))
            #expect(created.recipientsCount <= 1 && created.state != .canceled)
            let now = try await client.massMessage(id: created.id)
            let (_, wire) = try await world.plain("GET", "/v2/access/mass-messages/\(created.id)")
            #expect(Self.matches(now, wire) && now.price == 3)
            #expect(abs(now.date.timeIntervalSinceNow) < 120, "sent now, not scheduled")
            await #expect(performing: { try await client.replaceMassMessage(id: created.id, with: .init(text: "Too late")) }, throws: Wire.code("BAD_REQUEST"))

            let recalled = try await client.deleteMassMessage(id: created.id)
            #expect(recalled.isSuccess && recalled.massMessage?.state == .canceled && recalled.massMessage?.pendingCount == 0)
            let after = try await client.massMessage(id: created.id)
            #expect(after.state == .canceled, "listed on, canceled")
            #expect(try await client.massMessages(type: .unsent).contains { $0.id == created.id && $0.state == .canceled })
            await #expect(performing: { try await client.deleteMassMessage(id: created.id) }, throws: Wire.code("RESOURCE_NOT_FOUND"))
        }
    }

    @Test(arguments: StorageBackend.available) func aReadOnlyConnectionReadsButNeitherWritesNorSeesAnalytics(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let owner = world.client(), reader = world.client(connection: 2)
            let forbidden = Wire.code("FORBIDDEN")
            let ids = try await owner.massMessagesPage(limit: 5).items.map(\.id)
            #expect(try await reader.massMessagesPage(limit: 5).items.map(\.id) == ids, "the same creator's mass messages")
            let chat = try #require(try await reader.chatsPage(limit: 1).items.first)
            let fan = chat.withUser.id
            let message = try #require(chat.lastMessage)
            #expect(try await reader.chatMessagesPage(userID: fan, limit: 1).items.map(\.id) == [message.id])

            await #expect(performing: { try await reader.sendMessage(to: fan, text: "Hello") }, throws: forbidden)
            await #expect(performing: { try await reader.unsendMessage(id: message.id, userID: fan) }, throws: forbidden)
            await #expect(performing: { try await reader.createMassMessage(.init(text: "Hello")) }, throws: forbidden)
            await #expect(performing: { try await reader.replaceMassMessage(id: ids[0], with: .init(text: "Hello")) }, throws: forbidden)
            await #expect(performing: { try await reader.deleteMassMessage(id: ids[0]) }, throws: forbidden)
            await #expect(performing: { try await reader.purchasedMassMessagesPage() }, throws: forbidden)
            await #expect(performing: { try await reader.sentMassMessages() }, throws: forbidden)
            await #expect(performing: { try await reader.massMessagesChart() }, throws: forbidden)
            await #expect(performing: { try await reader.buyersPage(massMessageID: ids[0]) }, throws: forbidden)
            #expect(try await owner.massMessagesPage(limit: 5).items.map(\.id) == ids, "nothing was written")
        }
    }

    /// A mass message as the wire may send it, with `overrides` applied.
    static func wireQueueItem(_ overrides: [String: Any?]) throws -> FanoutClient.MassMessage {
        var json: [String: Any] = [
            "id": 7, "text": "Hi", "fromUser": ["id": 1, "name": "Creator"], "media": [], "previews": [],
            "date": "2026-12-07T19:35:46+00:00", "createdAt": "2026-12-07T19:00:00Z", "price": "9.99",
            "sentCount": 3, "viewedCount": 2, "purchasedCount": 1, "total": 5, "pending": 2, "isDone": false, "isCanceled": false,
            "mediaTypes": ["photo": 1, "video": 2, "gif": 0, "audio": 3],
        ]
        for (key, value) in overrides { json[key] = value }
        let wire = try JSONDecoder().decode(Components.Schemas.QueueItem.self, from: JSONSerialization.data(withJSONObject: json))
        return try FanoutClient.MassMessage(wire)
    }

    @Test func hostileOrOddWireValuesAreErrorsNotInventions() throws {
        let message = try Self.wireQueueItem([:])
        #expect(message.price == Decimal(string: "9.99") && message.state == .sending && message.pendingCount == 2)
        #expect(message.date == Date(timeIntervalSince1970: 1_796_672_146) && message.mediaCounts == .init(photos: 1, videos: 2, gifs: 0, audios: 3))
        #expect(try Self.wireQueueItem(["isDone": true, "pending": 0]).state == .sent)
        #expect(try Self.wireQueueItem(["isCanceled": true]).state == .canceled)
        #expect(try Self.wireQueueItem(["sentCount": 0, "pending": 5]).state == .pending)
        #expect(try Self.wireQueueItem(["sentCount": 0, "total": nil, "pending": nil]).state == .pending, "OFAuth's answer has no total")
        #expect(try Self.wireQueueItem(["price": "0"]).price == 0)
        for (key, value, field) in [
            ("price", "9,99", "massMessage.price"), ("price", "1e400", "massMessage.price"), ("date", "yesterday", "massMessage.date"),
            ("date", nil, "massMessage.date"), ("createdAt", "2026-13-45", "massMessage.createdAt"),
        ] as [(String, String?, String)] {
            #expect("\(key): \(value ?? "nil")", performing: { try Self.wireQueueItem([key: value]) }, throws: { ($0 as? FanoutClientError)?.field == field })
        }
    }
}
