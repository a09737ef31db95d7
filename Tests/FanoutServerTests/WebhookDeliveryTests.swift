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
/// disabling the endpoint, several senders sharing one outbox, a slow
/// endpoint holding up no other.
@Suite struct WebhookDeliveryTests {
    /// `body` with the world's sender running (fast polling), as with the
    /// sandbox on (receivers on 127.0.0.1 allowed) unless `destinations` says otherwise.
    static func withSender(
        _ world: TestWorld, senders: Int = 1, timeout: Duration = .seconds(10),
        destinations: WebhookDestinationPolicy = WebhookDestinationPolicy(allowsPrivate: true),
        lookUp: (@Sendable (String) async throws -> [IPAddress])? = nil, _ body: @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<senders {
                var sender = WebhookSender(
                    storage: world.dependencies.storage, mapper: WireMapper(clock: world.clock, policy: world.dependencies.policy),
                    environment: "sandbox", clock: world.clock, logger: Logger(label: "fanout.tests.webhooks"),
                    destinations: destinations, idleDelay: .milliseconds(20), timeout: timeout)
                if let lookUp { sender.destinations.lookUp = lookUp }
                group.addTask { [sender] in try await sender.run() }
            }
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
        let receiver = WebhookReceiver { $0 < 2 ? .internalServerError : .noContent }
        try await WebhookScene.with(receiver) { scene in
            let eventID = try await scene.sendTest()
            try await scene.attempts(reach: 1)
            scene.world.clock.advance(by: 6)  // the first retry is 5 s (+ up to 10%) later
            try await scene.attempts(reach: 2)
            scene.world.clock.advance(by: 331)  // the second, 5 min (+ up to 10%)
            try await receiver.wait(for: 3)
            try await Task.sleep(for: .milliseconds(200))
            #expect(receiver.count == 3, "delivered: no fourth attempt")

            #expect(receiver.all.map(\.webhookID) == [eventID, eventID, eventID], "one webhook-id on every attempt")
            for attempt in receiver.all {
                let timestamp = try #require(attempt.headers[HTTPField.Name("webhook-timestamp")!])
                let signature = try #require(attempt.headers[HTTPField.Name("webhook-signature")!])
                #expect(attempt.headers[HTTPField.Name("svix-signature")!] == signature && attempt.headers[HTTPField.Name("svix-id")!] == eventID)
                // Standard Webhooks, computed here independently: HMAC-SHA256 over "id.timestamp.body".
                let key = SymmetricKey(data: try #require(Data(base64Encoded: String(scene.secret.dropFirst("whsec_".count)))))
                let mac = HMAC<SHA256>.authenticationCode(for: Array("\(eventID).\(timestamp).".utf8) + attempt.body, using: key)
                #expect(signature == "v1," + Data(mac).base64EncodedString())
                #expect(abs(Double(timestamp)! - Date().timeIntervalSince1970) < 60, "real time: receivers check it against theirs")
                #expect(attempt.envelope?["type"] as? String == "webhook.test" && attempt.envelope?["eventType"] as? String == "webhook.test")
            }
            let delivery = try await scene.newestDelivery()
            #expect(delivery.state == .delivered && delivery.attempts == 3 && delivery.lastStatus == 204)
        }
    }

    @Test func aReceiverAnswering410DisablesItsEndpoint() async throws {
        let receiver = WebhookReceiver { _ in .gone }
        try await WebhookScene.with(receiver) { scene in
            try await scene.sendTest()
            try await scene.attempts(reach: 1)
            let endpoint = try await scene.api.get("/webhooks", as: scene.key).decode(Components.Schemas.WebhookEndpointList.self).list.first
            #expect(endpoint?.disabledAt != nil)
            try await scene.sendTest()
            scene.world.clock.advance(by: 86_400)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.count == 1, "nothing more is sent to a disabled endpoint")
            let oldest = try await scene.deliveries().last
            #expect(oldest?.state == .failed && oldest?.lastStatus == 410)
        }
    }

    @Test(arguments: StorageBackend.available) func severalSendersShareTheOutboxEachEventSentOnce(backend: StorageBackend) async throws {
        // A receiver that takes a little time, so that the senders' claims overlap.
        let receiver = WebhookReceiver { _ in
            try? await Task.sleep(for: .milliseconds(Int.random(in: 1...10)))
            return .ok
        }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    var endpoints: [Int] = []
                    for _ in 0..<3 { endpoints.append(try await Self.register(api, world, url: url).id) }
                    var queued: Set<String> = []
                    for endpoint in endpoints {
                        for _ in 0..<15 {
                            queued.insert(try await api.send("/webhooks/\(endpoint)/test", method: .post, headers: key.headers)
                                .decode(Components.Schemas.WebhookTestQueued.self).eventId)
                        }
                    }
                    let expected = queued.count
                    let registered = endpoints
                    @Sendable func deliveries() async throws -> [Components.Schemas.WebhookDelivery] {
                        var all: [Components.Schemas.WebhookDelivery] = []
                        for endpoint in registered {
                            all += try await api.get("/webhooks/\(endpoint)/deliveries?limit=100", as: key)
                                .decode(Components.Schemas.WebhookDeliveryPage.self).list
                        }
                        return all
                    }
                    try await Self.withSender(world, senders: 3) {
                        try await receiver.wait(for: expected)
                        // Until the senders have recorded every answer (a fixed 300 ms was
                        // not enough on a loaded machine), then a little longer for strays.
                        let deadline = ContinuousClock.now + .seconds(30)
                        while try await deliveries().contains(where: { $0.state != .delivered }) {
                            try #require(ContinuousClock.now < deadline, "every delivery recorded as delivered")
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        try await Task.sleep(for: .milliseconds(300))
                    }
                    let ids = receiver.all.compactMap(\.webhookID)
                    #expect(ids.count == queued.count, "no event sent twice by two senders")
                    #expect(Set(ids) == queued, "every event sent")
                    let recorded = try await deliveries()
                    #expect(recorded.count == 45 && recorded.allSatisfy { $0.state == .delivered && $0.attempts == 1 })
                }
            }
        }
    }

    @Test func aSlowEndpointDelaysNoOther() async throws {
        let holding = Mutex(true)
        let slow = WebhookReceiver { _ in
            let start = ContinuousClock.now
            while holding.withLock({ $0 }), ContinuousClock.now - start < .seconds(20) { try? await Task.sleep(for: .milliseconds(20)) }
            return .ok
        }
        let fast = WebhookReceiver { _ in .ok }
        try await slow.listening { slowURL in
            defer { holding.withLock { $0 = false } }
            try await fast.listening { fastURL in
                try await TestWorld.with(.sqlite) { world in
                    try await world.withClient { api in
                        let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                        let stuck = try await Self.register(api, world, url: slowURL).id
                        let free = try await Self.register(api, world, url: fastURL).id
                        try await Self.withSender(world) {
                            for _ in 0..<3 { _ = try await api.send("/webhooks/\(stuck)/test", method: .post, headers: key.headers) }
                            try await slow.wait(for: 1)
                            _ = try await api.send("/webhooks/\(free)/test", method: .post, headers: key.headers)
                            try await fast.wait(for: 1, timeout: .seconds(5))
                            #expect(slow.count == 1, "the slow endpoint gets one attempt at a time")
                            holding.withLock { $0 = false }
                            try await slow.wait(for: 3)
                        }
                    }
                }
            }
        }
    }
}
