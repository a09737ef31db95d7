import FanoutClient
import FanoutCore
import FanoutTestSupport
import FanoutWebhook
import Foundation
import HTTPTypes
import Testing

/// Deliveries from a running Fanout (its own sender, to a receiver on a free
/// port), registered and inspected with the client's webhook methods: every
/// event type verifies with `FanoutWebhook.verify`, routes, and carries what
/// the API shows; a tampered body, a wrong secret and a stale or future
/// clock fail.
@Suite struct FanoutWebhookDeliveryTests {
    static func headers(_ fields: HTTPFields) -> [String: String] {
        var headers: [String: String] = [:]
        for field in fields { headers[field.name.rawName] = field.value }
        return headers
    }

    /// `probe`'s first non-nil answer, asked every 50 ms for up to 30 s (real time).
    static func eventually<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            if let value = try await probe() { return value }
            try #require(ContinuousClock.now < deadline, "waited 30 s for \(what)")
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The deliveries received at `path`, each verified with `secret`.
    static func verified(_ receiver: WebhookReceiver, path: String, secret: String) throws -> [(headers: [String: String], body: Data, event: FanoutWebhook.Event)] {
        try receiver.all.filter { $0.path == path }.map { delivery in
            let headers = Self.headers(delivery.headers), body = Data(delivery.body)
            return (headers, body, try FanoutWebhook.verify(payload: body, headers: headers, secret: secret))
        }
    }

    @Test(arguments: StorageBackend.available) func everyEventFromALiveFanoutVerifiesAndCarriesWhatTheAPIShows(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .noContent }
        try await receiver.listening { url in
            try await ClientWorld.with(backend, backgroundServices: true) { world in
                let client = world.client()
                let organization = world.credentials.organizations[0]
                let owner = organization.connections[0]

                // Two endpoints: every type, and deletions only (on a path of their own).
                let all = try await client.createWebhook(url: url)
                let deletions = try await client.createWebhook(url: url + "/deletions", events: [.chatMessageDeleted])
                #expect(all.secret.hasPrefix("whsec_") && deletions.secret.hasPrefix("whsec_") && all.secret != deletions.secret)
                #expect(all.endpoint.url == url && all.endpoint.events.isEmpty && all.endpoint.disabledAt == nil)
                #expect(deletions.endpoint.events == [.chatMessageDeleted])
                let listed = try await client.webhooks()
                #expect(listed == [all.endpoint, deletions.endpoint])
                let (listStatus, wire) = try await world.plain("GET", "/webhooks", connection: nil)
                let wireList = try #require(wire["list"] as? [[String: Any]])
                #expect(listStatus == 200 && wireList.map { $0["id"] as? Int } == listed.map(\.id))
                #expect(wireList.map { FanoutClientAccountTests.date($0["createdAt"]) } == listed.map(\.createdAt))
                #expect(wireList.map { $0["events"] as? [String] } == listed.map { $0.events.map(\.rawValue) })

                // The events: a test, a fan's message, a message unsent, a mass message sent and bought, a connection made and changed.
                let testEventID = try await client.testWebhook(id: all.id)
                let chats = try await client.chatsPage(limit: 20).items.filter(\.canSendMessage)
                try #require(chats.count >= 2)
                let writer = chats[0].withUser.id, unsentTo = chats[1].withUser.id
                let (fanStatus, fanMessage) = try await world.plain("POST", "/sandbox/fans/\(writer)/messages", body: ["text": "A fan writes to Swift"])
                #expect((200..<300).contains(fanStatus), "\(fanMessage)")
                let receivedID = try #require(fanMessage["id"] as? Int)
                let (_, sent) = try await world.plain("POST", "/v2/access/chats/\(unsentTo)/messages", body: ["text": "Sent, then unsent"])
                let sentID = try #require(sent["id"] as? Int, "\(sent)")
                let (unsentStatus, unsent) = try await world.plain("DELETE", "/v2/access/chats/\(unsentTo)/messages/\(sentID)", body: ["withUserId": unsentTo])
                #expect(unsentStatus == 200, "\(unsent)")

                let (_, media) = try await world.plain("GET", "/v2/access/vault/media?limit=1")
                let mediaID = try #require((media["list"] as? [[String: Any]])?.first?["id"] as? Int)
                let (_, mass) = try await world.plain("POST", "/v2/access/mass-messages", body: ["text": "Unlock me, Swift", "mediaItems": [mediaID], "price": 7.5])
                let massID = try #require(mass["id"] as? Int, "\(mass)")
                _ = try await Self.eventually("the mass message sent") { try await client.massMessage(id: massID).state == .sent ? true : nil }
                let copy = try #require(try await client.chats().first { $0.lastMessage?.massMessageID == massID })
                let buyer = copy.withUser.id, boughtID = try #require(copy.lastMessage?.id)
                let (buyStatus, bought) = try await world.plain("POST", "/sandbox/fans/\(buyer)/messages/\(boughtID)/purchase")
                #expect(buyStatus == 200, "\(bought)")

                let madeID = "conn_swift_webhook_\(UUID().uuidString.prefix(8))"
                try await world.storage.addConnection(
                    FanoutCore.Connection(id: madeID, organizationID: owner.organizationID, creatorID: owner.creatorID, permissions: [.messagesRead]),
                    clientReferenceID: "crm-42", at: Date())
                let (patchStatus, patched) = try await world.plain(
                    "PATCH", "/v2/account/connections/\(owner.id)/settings", body: ["vaultPlus": ["enabled": true]], connection: nil)
                #expect(patchStatus == 200, "\(patched)")

                func events() throws -> [FanoutWebhook.Event] { try Self.verified(receiver, path: "/hook", secret: all.secret).map(\.event) }
                _ = try await Self.eventually("an event of every kind") { () -> Bool? in
                    let bodies = try events().map(\.body)
                    let waited: [(FanoutWebhook.Event.Body) -> Bool] = [
                        { if case .test = $0 { true } else { false } },
                        { if case .chatMessageReceived(let message) = $0 { message.id == receivedID } else { false } },
                        { if case .chatMessageDeleted(let deleted) = $0 { deleted.id == sentID } else { false } },
                        { if case .massMessageSent(let sent) = $0 { sent.id == massID } else { false } },
                        { if case .massMessagePurchased(let purchase) = $0 { purchase.massMessageID == massID } else { false } },
                        { if case .connectionCreated(let made) = $0 { made.id == madeID } else { false } },
                        { if case .connectionUpdated(let changed) = $0 { changed.id == owner.id } else { false } },
                    ]
                    return waited.allSatisfy { wanted in bodies.contains(where: wanted) } ? true : nil
                }
                // Expired last: the events of a connection that expired are no longer sent.
                let (invalidStatus, invalidated) = try await world.plain("POST", "/v2/account/connections/\(madeID)/invalidate", connection: nil)
                #expect(invalidStatus == 200, "\(invalidated)")
                _ = try await Self.eventually("connection.expired") { () -> Bool? in
                    try events().contains { if case .connectionExpired(let gone) = $0.body { gone.id == madeID } else { false } } ? true : nil
                }

                // Every delivery: verified as sent, with the svix names alone, and refused tampered, under another secret, or out of time.
                let deliveries = try Self.verified(receiver, path: "/hook", secret: all.secret)
                for (headers, body, event) in deliveries {
                    #expect(event.id == headers["webhook-id"] && event.id == headers["svix-id"])
                    #expect(event.environment == .sandbox)
                    #expect((event.connectionID == nil) == (event.type == "webhook.test"), "\(event.type)")
                    let svix = headers.filter { !$0.key.lowercased().hasPrefix("webhook-") }
                    #expect(try FanoutWebhook.verify(payload: body, headers: svix, secret: all.secret) == event)
                    #expect(throws: FanoutWebhook.VerificationError.noMatchingSignature) {
                        try FanoutWebhook.verify(payload: body + Data(" ".utf8), headers: headers, secret: all.secret)
                    }
                    var swapped = body
                    swapped[swapped.startIndex + 2] ^= 0x20  // "type" → "Type"
                    #expect(throws: FanoutWebhook.VerificationError.noMatchingSignature) {
                        try FanoutWebhook.verify(payload: swapped, headers: headers, secret: all.secret)
                    }
                    #expect(throws: FanoutWebhook.VerificationError.noMatchingSignature) {
                        try FanoutWebhook.verify(payload: body, headers: headers, secret: deletions.secret)
                    }
                    let timestamp = try #require(headers["webhook-timestamp"])
                    let signedAt = Date(timeIntervalSince1970: try #require(Double(timestamp)))
                    #expect(throws: FanoutWebhook.VerificationError.timestampTooOld(signedAt)) {
                        try FanoutWebhook.verify(payload: body, headers: headers, secret: all.secret, now: signedAt.addingTimeInterval(301))
                    }
                    #expect(throws: FanoutWebhook.VerificationError.timestampInFuture(signedAt)) {
                        try FanoutWebhook.verify(payload: body, headers: headers, secret: all.secret, now: signedAt.addingTimeInterval(-301))
                    }
                    #expect(abs(signedAt.timeIntervalSinceNow) < 120, "signed on the real clock")
                }
                let byType = Dictionary(grouping: deliveries.map(\.event), by: \.type)

                // The test event: the id testWebhook answered, the endpoint's id.
                let test = try #require(byType["webhook.test"]?.first)
                #expect(byType["webhook.test"]?.count == 1 && test.id == testEventID)
                #expect(test.body == .test(.init(webhookID: all.id, message: "Fanout test event")))

                // The fan's message, as the chat's page shows it.
                let shownMessage = try #require(try await client.chatMessagesPage(userID: writer).items.first { $0.id == receivedID })
                #expect(shownMessage.text == "A fan writes to Swift" && shownMessage.fromUser.id == writer)
                for event in byType["realtime.chat_message.received"] ?? [] {
                    guard case .chatMessageReceived(let message) = event.body, message.id == receivedID else { continue }
                    #expect(message == shownMessage)
                }

                // The unsent message, to both endpoints (the second verified with its own secret).
                let unsentEvents = try Self.verified(receiver, path: "/hook/deletions", secret: deletions.secret).map(\.event)
                #expect(!unsentEvents.isEmpty && unsentEvents.allSatisfy { $0.type == "realtime.chat_message.deleted" })
                for event in (byType["realtime.chat_message.deleted"] ?? []) + unsentEvents {
                    #expect(event.body == .chatMessageDeleted(.init(id: sentID, chatID: unsentTo, withUserID: unsentTo)))
                }
                #expect(Set(unsentEvents.compactMap(\.connectionID)) == Set((byType["realtime.chat_message.deleted"] ?? []).compactMap(\.connectionID)))

                // The mass message, as its GET shows it (but its counts, which the purchase moved since).
                let shownMass = try await client.massMessage(id: massID)
                let sentEvents = (byType["fanout.mass_message.sent"] ?? []).compactMap { event -> FanoutClient.MassMessage? in
                    if case .massMessageSent(let sent) = event.body, sent.id == massID { sent } else { nil }
                }
                #expect(!sentEvents.isEmpty)
                for sent in sentEvents {
                    #expect(sent.text == shownMass.text && sent.price == Decimal(string: "7.5") && sent.price == shownMass.price)
                    #expect(sent.state == .sent && sent.date == shownMass.date && sent.createdAt == shownMass.createdAt)
                    #expect(sent.media.map(\.id) == [mediaID] && sent.media == shownMass.media && sent.fromUser == shownMass.fromUser)
                    #expect(sent.recipientsCount == shownMass.recipientsCount && sent.sentCount == shownMass.sentCount && sent.pendingCount == 0)
                }

                // The purchase: the buyer as the buyers list names them, the amount exact.
                let (_, buyers) = try await world.plain("GET", "/v2/access/analytics/mass-messages/\(massID)/buyers")
                let listedBuyer = try #require((buyers["list"] as? [[String: Any]])?.first)
                let purchases = (byType["fanout.mass_message.purchased"] ?? []).compactMap { event -> FanoutWebhook.MassMessagePurchase? in
                    if case .massMessagePurchased(let purchase) = event.body { purchase } else { nil }
                }
                #expect(!purchases.isEmpty)
                for purchase in purchases {
                    #expect(purchase.massMessageID == massID && purchase.messageID == boughtID && purchase.amount == Decimal(string: "7.5"))
                    #expect(purchase.fan.id == buyer && purchase.fan.id == listedBuyer["id"] as? Int)
                    #expect(purchase.fan.name == listedBuyer["name"] as? String && purchase.fan.username == listedBuyer["username"] as? String)
                    #expect(abs(purchase.createdAt.timeIntervalSinceNow) < 120)
                }

                // The connections, as the account's list shows them.
                let (_, connections) = try await world.plain("GET", "/v2/account/connections?limit=100", connection: nil)
                let connectionList = try #require(connections["list"] as? [[String: Any]])
                func listedConnection(_ id: String) throws -> [String: Any] { try #require(connectionList.first { $0["id"] as? String == id }) }
                let made = try listedConnection(madeID), madeUser = try #require(made["userData"] as? [String: Any])
                let madeEvents = (byType["connection.created"] ?? []).filter { $0.connectionID == madeID }
                #expect(madeEvents.count == 1)
                for event in madeEvents {
                    #expect(event.body == .connectionCreated(FanoutClient.Connection(
                        id: madeID, status: .active,
                        creator: .init(
                            id: Int(owner.creatorID), name: try #require(madeUser["name"] as? String),
                            username: try #require(madeUser["username"] as? String),
                            avatar: (madeUser["avatar"] as? String).flatMap { $0.isEmpty ? nil : URL(string: $0) }),
                        permissions: [.messagesRead], clientReferenceID: "crm-42")))
                }
                let changed = try listedConnection(owner.id)
                for event in (byType["connection.updated"] ?? []) where event.connectionID == owner.id {
                    guard case .connectionUpdated(let connection) = event.body else { Issue.record("\(event.body)"); continue }
                    #expect(connection.status == .active && connection.status.rawValue == changed["status"] as? String)
                    #expect(connection.permissions.map(\.rawValue).sorted() == (changed["permissions"] as? [String])?.sorted())
                }
                let expired = (byType["connection.expired"] ?? []).filter { $0.connectionID == madeID }
                #expect(expired.count == 1)
                for event in expired {
                    guard case .connectionExpired(let connection) = event.body else { Issue.record("\(event.body)"); continue }
                    let listedStatus = try listedConnection(madeID)["status"] as? String
                    #expect(connection.status == .expired && listedStatus == "expired")
                }

                // The router hands each kind to its handler, nothing to the fallback.
                let seen = Seen()
                var router = FanoutWebhook.Router()
                router.on(.test) { _, event in await seen.add(event.type) }
                router.on(.chatMessageReceived) { _, event in await seen.add(event.type) }
                router.on(.chatMessageDeleted) { _, event in await seen.add(event.type) }
                router.on(.massMessageSent) { _, event in await seen.add(event.type) }
                router.on(.massMessagePurchased) { _, event in await seen.add(event.type) }
                router.on(.connectionCreated) { _, event in await seen.add(event.type) }
                router.on(.connectionUpdated) { _, event in await seen.add(event.type) }
                router.on(.connectionExpired) { _, event in await seen.add(event.type) }
                router.fallback = { event in await seen.add("fallback \(event.type)") }
                for (headers, body, _) in deliveries {
                    try await router.handle(payload: body, headers: headers, secret: all.secret)
                }
                #expect(await seen.all == deliveries.map(\.event.type))

                // Their deliveries, as the API lists them: every one delivered, under its webhook-id and type.
                let deliveredIDs = Dictionary(deliveries.map { ($0.event.id, $0.event.type) }, uniquingKeysWith: { first, _ in first })
                let listedDeliveries = try await Self.eventually("every delivery recorded") { () -> [FanoutClient.WebhookDelivery]? in
                    var walked: [FanoutClient.WebhookDelivery] = []
                    for try await delivery in client.webhookDeliveries(webhookID: all.id, pageSize: 100) { walked.append(delivery) }
                    let delivered = walked.filter { deliveredIDs[$0.eventID] != nil && $0.state == .delivered }
                    return Set(delivered.map(\.eventID)) == Set(deliveredIDs.keys) ? walked : nil
                }
                for delivery in listedDeliveries where deliveredIDs[delivery.eventID] != nil {
                    #expect(delivery.type.rawValue == deliveredIDs[delivery.eventID] && delivery.attempts == 1 && delivery.lastStatus == 204)
                    #expect(delivery.nextAttemptAt == nil)
                }

                // The second endpoint's deliveries walked one a page, as plain HTTP walks them.
                var walked: [FanoutClient.WebhookDelivery] = []
                for try await delivery in client.webhookDeliveries(webhookID: deletions.id, pageSize: 1) { walked.append(delivery) }
                let plainWalk = try await world.plainOffsetWalk("/webhooks/\(deletions.id)/deliveries", limit: 1, connection: nil)
                #expect(walked.count == unsentEvents.count && walked.count == plainWalk.count)
                #expect(walked.map(\.id) == plainWalk.map { $0["id"] as? Int })
                for (delivery, wire) in zip(walked, plainWalk) {
                    #expect(delivery.eventID == wire["eventId"] as? String && delivery.type.rawValue == wire["type"] as? String)
                    #expect(delivery.state.rawValue == wire["state"] as? String && delivery.attempts == wire["attempts"] as? Int)
                    #expect(delivery.createdAt == FanoutClientAccountTests.date(wire["createdAt"]))
                }
                let firstPage = try await client.webhookDeliveriesPage(webhookID: deletions.id, limit: 1)
                #expect(firstPage.items.map(\.id) == walked.prefix(1).map(\.id) && firstPage.hasMore == (walked.count > 1))

                // Removed: gone from the list, and its routes 404.
                try await client.deleteWebhook(id: deletions.id)
                #expect(try await client.webhooks().map(\.id) == [all.id])
                await #expect(performing: { try await client.deleteWebhook(id: deletions.id) }, throws: FanoutClientAccountTests.code("RESOURCE_NOT_FOUND"))
                await #expect(performing: { try await client.testWebhook(id: deletions.id) }, throws: FanoutClientAccountTests.code("RESOURCE_NOT_FOUND"))
                await #expect(performing: { try await client.webhookDeliveriesPage(webhookID: deletions.id) }, throws: FanoutClientAccountTests.code("RESOURCE_NOT_FOUND"))
            }
        }
    }

    @Test func registeringRefusesInsideAddressesBadEventsAndBadPages() async throws {
        try await ClientWorld.with(.sqlite) { world in
            let client = world.client()
            await #expect(performing: { try await client.createWebhook(url: "http://169.254.169.254/latest/meta-data") },
                          throws: FanoutClientAccountTests.code("BAD_REQUEST", field: "url"))
            await #expect(performing: { try await client.createWebhook(url: "http://user:secret@example.com/hook") },
                          throws: FanoutClientAccountTests.code("BAD_REQUEST", field: "url"))
            await #expect(performing: { try await client.createWebhook(url: "http://example.com/hook", events: [.chatMessageReceived, .test]) },
                          throws: FanoutClientAccountTests.code("BAD_REQUEST", field: "events"))
            #expect(try await client.webhooks().isEmpty, "nothing registered by the refused ones")
            let created = try await client.createWebhook(url: "http://example.com/hook", events: [.connectionExpired, .massMessagePurchased])
            #expect(created.endpoint.events == [.connectionExpired, .massMessagePurchased])
            await #expect(performing: { try await client.webhookDeliveriesPage(webhookID: created.id, limit: 101) },
                          throws: FanoutClientAccountTests.code("BAD_REQUEST", field: "limit"))
            #expect(try await client.webhookDeliveriesPage(webhookID: created.id).items.isEmpty)
        }
    }
}
