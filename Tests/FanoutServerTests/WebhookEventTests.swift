import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// Each event type, written with what caused it and sent as the API shows
/// its subject, once per connection of the organization to the creator.
@Suite struct WebhookEventTests {
    /// The organization's connections to the world's owner creator that may
    /// read the subject of a `type` event: one event each.
    static func connections(_ world: TestWorld, for type: WebhookEventType) -> Set<String> {
        Set(world.credentials.organizations[0].connections.filter {
            $0.creatorID == world.owner.creatorID && type.requiredPermission.map($0.permissions.contains) != false
        }.map(\.id))
    }

    static func subscribe(_ api: APIClient, _ world: TestWorld, url: String, to type: WebhookEventType) async throws -> Int {
        let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
        return try await api.send("/webhooks", method: .post, as: key, json: ["url": url, "events": [type.rawValue]])
            .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
    }

    /// The event bodies received, each checked to be of `type`, by connection id.
    static func eventBodies(_ receiver: WebhookReceiver, type: WebhookEventType) throws -> [String: NSDictionary] {
        var bodies: [String: NSDictionary] = [:]
        for delivery in receiver.all {
            let envelope = try #require(delivery.envelope)
            #expect(envelope["type"] as? String == type.rawValue && envelope["eventType"] as? String == type.rawValue)
            let data = try #require(envelope["data"] as? [String: Any])
            #expect(data["environment"] as? String == "sandbox")
            let connection = try #require((data["connection"] as? [String: Any])?["id"] as? String)
            bodies[connection] = try #require(data["eventBody"] as? NSDictionary)
        }
        return bodies
    }

    @Test(arguments: StorageBackend.available) func aFinishedFanOutIsSentAsTheMassMessageTheAPIShows(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    try await world.fanOut.drain()  // the demo's own queued one, before any endpoint
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    let only = try await api.send("/webhooks", method: .post, as: key, json: ["url": url, "events": ["fanout.mass_message.sent"]])
                        .decode(Components.Schemas.WebhookEndpointCreated.self)
                    let other = try await api.send("/webhooks", method: .post, as: key, json: ["url": url, "events": ["realtime.chat_message.received"]])
                        .decode(Components.Schemas.WebhookEndpointCreated.self)
                    let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "Webhook me"])
                        .decode(Components.Schemas.MassMessageCreated.self)
                    #expect(receiver.count == 0, "nothing before the fan-out finishes")
                    try await world.fanOut.drain()
                    // The event is about a connection: one per connection of the organization to that creator.
                    let connections = Set(world.credentials.organizations[0].connections.filter { $0.creatorID == world.owner.creatorID }.map(\.id))
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: connections.count)
                        try await Task.sleep(for: .milliseconds(200))
                        #expect(receiver.count == connections.count, "once per connection, to the endpoint that takes the type")
                        let shown = try await api.get("/v2/access/mass-messages/\(created.id)", as: world.owner)
                        let asShown = try #require(try JSONSerialization.jsonObject(with: shown.body) as? NSDictionary)
                        var seen: Set<String> = []
                        for delivery in receiver.all {
                            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any])
                            #expect(envelope["type"] as? String == "fanout.mass_message.sent" && envelope["eventType"] as? String == "fanout.mass_message.sent")
                            let data = try #require(envelope["data"] as? [String: Any])
                            seen.insert(try #require((data["connection"] as? [String: Any])?["id"] as? String))
                            #expect((data["eventBody"] as? NSDictionary) == asShown, "eventBody is the mass message as GET shows it")
                        }
                        #expect(seen == connections)
                        let deliveries = try await api.get("/webhooks/\(only.value1.id)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self)
                        #expect(deliveries.list.map(\.state) == connections.map { _ in .delivered })
                        let none = try await api.get("/webhooks/\(other.value1.id)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self)
                        #expect(none.list.isEmpty)
                    }
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aFansMessageIsSentAsTheChatShowsIt(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    try await world.fanOut.drain()
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    _ = try await api.send("/webhooks", method: .post, as: key, json: ["url": url, "events": ["realtime.chat_message.received"]])
                    let fan = try #require(try await world.dependencies.storage.activeFanIDs(creatorID: world.owner.creatorID, limit: 1).first)
                    let sent = try await world.dependencies.storage.fanSendsMessage(
                        creatorID: world.owner.creatorID, fanID: fan, text: "Hi from a fan", tip: Money(cents: 500), at: TestWorld.anchor)
                    let connections = world.credentials.organizations[0].connections.filter { $0.creatorID == world.owner.creatorID }.count
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: connections)
                        let page = try await api.get("/v2/access/chats/\(fan)/messages?limit=1", as: world.owner)
                        let shown = try #require(((try JSONSerialization.jsonObject(with: page.body) as? [String: Any])?["list"] as? [Any])?.first as? NSDictionary)
                        #expect(shown["id"] as? Int == Int(sent.id))
                        for delivery in receiver.all {
                            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any])
                            #expect(envelope["eventType"] as? String == "realtime.chat_message.received")
                            let eventBody = (envelope["data"] as? [String: Any])?["eventBody"] as? NSDictionary
                            #expect(eventBody == shown, "eventBody is the message as the chat shows it")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anUnsentMessageIsSentAsItsIdAndChat(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    _ = try await Self.subscribe(api, world, url: url, to: .chatMessageDeleted)
                    let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                    let sent = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Oops"])
                        .decode(Components.Schemas.Message.self).value1.id
                    let unsent = try await api.send("/v2/access/chats/\(fan)/messages/\(sent)", method: .delete, as: world.owner, json: ["withUserId": fan])
                    #expect(unsent.status == .ok)
                    let again = try await api.send("/v2/access/chats/\(fan)/messages/\(sent)", method: .delete, as: world.owner, json: ["withUserId": fan])
                    #expect(again.status != .ok)
                    let connections = Self.connections(world, for: .chatMessageDeleted)
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: connections.count)
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    #expect(receiver.count == connections.count, "one event per connection; a refused unsend writes none")
                    let bodies = try Self.eventBodies(receiver, type: .chatMessageDeleted)
                    #expect(Set(bodies.keys) == connections)
                    for body in bodies.values {
                        #expect(body == ["id": sent, "chatId": fan, "withUserId": fan] as NSDictionary)
                    }
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aBoughtMassMessageIsSentWithItsBuyerAndAmount(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    try await world.fanOut.drain()
                    _ = try await Self.subscribe(api, world, url: url, to: .massMessagePurchased)
                    let media = try await MassMessageLifecycleTests.mediaID(api, world.owner)
                    let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                        "text": "Unlock me", "mediaItems": [media], "price": 7.5,
                    ]).decode(Components.Schemas.MassMessageCreated.self)
                    try await world.fanOut.drain()
                    let delivery = try #require(try await DeleteMassMessageTests.deliveries(of: created.id, api: api, caller: world.owner).first)
                    let fan = try #require(try await SandboxTests.recipient(of: delivery.value1.id, api: api, caller: world.owner))
                    world.clock.advance(by: 60)
                    let bought = try await api.send("/sandbox/fans/\(fan)/messages/\(delivery.value1.id)/purchase", method: .post, headers: world.owner.headers)
                    #expect(bought.status == .ok)

                    // A paid direct message bought is no mass message's purchase: no event.
                    let other = try #require(try await ChatsEndpointTests.all(api, world.owner).first { $0.canSendMessage == true && $0.withUser.id != fan }?.withUser.id)
                    let direct = try await api.send("/v2/access/chats/\(other)/messages", method: .post, as: world.owner, json: [
                        "text": "Just for you", "mediaItems": [String(media)], "price": 3,
                    ]).decode(Components.Schemas.Message.self).value1.id
                    #expect(try await api.send("/sandbox/fans/\(other)/messages/\(direct)/purchase", method: .post, headers: world.owner.headers).status == .ok)

                    // Only connections with analytics:read (the read-only one has none).
                    let connections = Self.connections(world, for: .massMessagePurchased)
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: connections.count)
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    #expect(receiver.count == connections.count, "one event per connection, none for the direct message")
                    let buyer = try #require(try await api.get("/v2/access/analytics/mass-messages/\(created.id)/buyers", as: world.owner)
                        .decode(Components.Schemas.BuyerPage.self).list.first)
                    #expect(buyer.id == fan)
                    let bodies = try Self.eventBodies(receiver, type: .massMessagePurchased)
                    #expect(Set(bodies.keys) == connections)
                    for body in bodies.values {
                        #expect(body["massMessageId"] as? Int == created.id && body["messageId"] as? Int == delivery.value1.id)
                        #expect(body["fan"] as? NSDictionary == ["id": fan, "name": buyer.name, "username": buyer.username] as NSDictionary)
                        #expect(body["amount"] as? Double == 7.5)
                        #expect(body["createdAt"] as? String == WireMapper(clock: world.clock, policy: world.dependencies.policy).timestamp(world.clock.now()))
                    }
                }
            }
        }
    }

    @Test func withoutTheSandboxEventsSayLive() async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                // The server's own sender, as `fanout serve --no-sandbox --allow-private-webhooks` runs it (the receiver is on 127.0.0.1).
                try await world.withClient(backgroundServices: true, sandbox: false, allowPrivateWebhooks: true) { api in
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    let id = try await Self.subscribe(api, world, url: url, to: .chatMessageDeleted)
                    _ = try await api.send("/webhooks/\(id)/test", method: .post, headers: key.headers)
                    let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                    let sent = try await api.send("/v2/access/chats/\(fan)/messages", method: .post, as: world.owner, json: ["text": "Oops"])
                        .decode(Components.Schemas.Message.self).value1.id
                    _ = try await api.send("/v2/access/chats/\(fan)/messages/\(sent)", method: .delete, as: world.owner, json: ["withUserId": fan])
                    try await receiver.wait(for: 1 + Self.connections(world, for: .chatMessageDeleted).count)
                    let environments = receiver.all.map { ($0.envelope?["data"] as? [String: Any])?["environment"] as? String }
                    #expect(environments.allSatisfy { $0 == "live" }, "test and realtime events alike")
                }
            }
        }
    }
}
