import Crypto
import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The sender against a real receiver on a free port: signed requests, the
/// same `webhook-id` on every attempt, retries on the injected clock, 410
/// disabling the endpoint.
@Suite struct WebhookDeliveryTests {
    /// What the receiver got, and how it answers the n-th request (from 0).
    final class Receiver: Sendable {
        struct Received: Sendable {
            var headers: HTTPFields
            var body: [UInt8]
        }

        let answers: @Sendable (Int) -> HTTPResponse.Status
        let received = Mutex<[Received]>([])

        init(answers: @escaping @Sendable (Int) -> HTTPResponse.Status) { self.answers = answers }

        var count: Int { received.withLock { $0.count } }
        var all: [Received] { received.withLock { $0 } }

        /// `body` with the receiver listening on a free port: its URL.
        func listening(_ body: @Sendable (String) async throws -> Void) async throws {
            let router = Router()
            router.post("hook") { request, _ -> Response in
                let bytes = Array(buffer: try await request.body.collect(upTo: 1 << 20))
                let index = self.received.withLock { list in
                    list.append(Received(headers: request.headers, body: bytes))
                    return list.count - 1
                }
                return Response(status: self.answers(index))
            }
            try await Application(router: router).test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))/hook")
            }
        }

        /// Waits (real time) until `count` requests came, or fails after 30 s (a loaded CI machine is slow).
        func wait(for count: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while self.count < count {
                try #require(ContinuousClock.now < deadline, "\(count) deliveries expected, \(self.count) came")
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// `body` with the world's sender running (fast polling).
    static func withSender(_ world: TestWorld, _ body: @Sendable () async throws -> Void) async throws {
        let sender = WebhookSender(
            storage: world.dependencies.storage, mapper: WireMapper(clock: world.clock, policy: world.dependencies.policy), clock: world.clock,
            logger: Logger(label: "fanout.tests.webhooks"), idleDelay: .milliseconds(20))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sender.run() }
            defer { group.cancelAll() }
            try await body()
        }
    }

    /// Waits (real time) until the endpoint's newest delivery has `count` attempts recorded.
    static func attempts(_ api: APIClient, _ key: Caller, endpoint: Int, reach count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await api.get("/webhooks/\(endpoint)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self)
            .list.first?.attempts ?? 0 < count {
            try #require(ContinuousClock.now < deadline, "\(count) attempts expected")
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func register(_ api: APIClient, _ world: TestWorld, url: String) async throws -> (id: Int, secret: String) {
        let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
        let created = try await api.send("/webhooks", method: .post, as: key, json: ["url": url]).decode(Components.Schemas.WebhookEndpointCreated.self)
        return (created.value1.id, created.value2.secret)
    }

    @Test func aFailingReceiverGetsTheSameSignedEventUntilItAccepts() async throws {
        let receiver = Receiver { $0 < 2 ? .internalServerError : .noContent }
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let (id, secret) = try await Self.register(api, world, url: url)
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    try await Self.withSender(world) {
                        let eventID = try await api.send("/webhooks/\(id)/test", method: .post, headers: key.headers)
                            .decode(Components.Schemas.WebhookTestQueued.self).eventId
                        try await Self.attempts(api, key, endpoint: id, reach: 1)
                        world.clock.advance(by: 6)  // the first retry is 5 s (+ up to 10%) later
                        try await Self.attempts(api, key, endpoint: id, reach: 2)
                        world.clock.advance(by: 331)  // the second, 5 min (+ up to 10%)
                        try await receiver.wait(for: 3)
                        try await Task.sleep(for: .milliseconds(200))
                        #expect(receiver.count == 3, "delivered: no fourth attempt")

                        let ids = receiver.all.map { $0.headers[HTTPField.Name("webhook-id")!] }
                        #expect(ids == [eventID, eventID, eventID], "one webhook-id on every attempt")
                        for attempt in receiver.all {
                            let timestamp = try #require(attempt.headers[HTTPField.Name("webhook-timestamp")!])
                            let signature = try #require(attempt.headers[HTTPField.Name("webhook-signature")!])
                            #expect(attempt.headers[HTTPField.Name("svix-signature")!] == signature && attempt.headers[HTTPField.Name("svix-id")!] == eventID)
                            // Standard Webhooks, computed here independently: HMAC-SHA256 over "id.timestamp.body".
                            let key = SymmetricKey(data: try #require(Data(base64Encoded: String(secret.dropFirst("whsec_".count)))))
                            let mac = HMAC<SHA256>.authenticationCode(for: Array("\(eventID).\(timestamp).".utf8) + attempt.body, using: key)
                            #expect(signature == "v1," + Data(mac).base64EncodedString())
                            #expect(abs(Double(timestamp)! - Date().timeIntervalSince1970) < 60, "real time: receivers check it against theirs")
                            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(attempt.body)) as? [String: Any])
                            #expect(envelope["type"] as? String == "webhook.test" && envelope["eventType"] as? String == "webhook.test")
                        }
                        let deliveries = try await api.get("/webhooks/\(id)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self)
                        #expect(deliveries.list.first?.state == .delivered && deliveries.list.first?.attempts == 3)
                        #expect(deliveries.list.first?.lastStatus == 204)
                    }
                }
            }
        }
    }

    @Test func aReceiverAnswering410DisablesItsEndpoint() async throws {
        let receiver = Receiver { _ in .gone }
        try await receiver.listening { url in
            try await TestWorld.with(.sqlite) { world in
                try await world.withClient { api in
                    let (id, _) = try await Self.register(api, world, url: url)
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    try await Self.withSender(world) {
                        _ = try await api.send("/webhooks/\(id)/test", method: .post, headers: key.headers)
                        try await Self.attempts(api, key, endpoint: id, reach: 1)
                        let endpoint = try await api.get("/webhooks", as: key).decode(Components.Schemas.WebhookEndpointList.self).list.first
                        #expect(endpoint?.disabledAt != nil)
                        _ = try await api.send("/webhooks/\(id)/test", method: .post, headers: key.headers)
                        world.clock.advance(by: 86_400)
                        try await Task.sleep(for: .milliseconds(300))
                        #expect(receiver.count == 1, "nothing more is sent to a disabled endpoint")
                        let deliveries = try await api.get("/webhooks/\(id)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self)
                        #expect(deliveries.list.last?.state == .failed && deliveries.list.last?.lastStatus == 410)
                    }
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aFinishedFanOutIsSentAsTheMassMessageTheAPIShows(backend: StorageBackend) async throws {
        let receiver = Receiver { _ in .ok }
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
                    try await Self.withSender(world) {
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
        let receiver = Receiver { _ in .ok }
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
                    try await Self.withSender(world) {
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
}
