import Crypto
import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// `connection.created`, `connection.updated` and `connection.expired`:
/// written with the change (a connection added as the CLI adds one, its
/// settings patched, invalidated, deleted), signed, and sent to the
/// organization's endpoints only.
@Suite struct ConnectionWebhookTests {
    @Test(arguments: StorageBackend.available) func eachConnectionChangeIsDeliveredSignedToItsOrganizationOnly(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .noContent }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    let key = AccountEndpointTests.key(world.owner)
                    let endpoint = try await api.send("/webhooks", method: .post, as: key, json: [
                        "url": url + "/mine", "events": ["connection.created", "connection.updated", "connection.expired"],
                    ]).decode(Components.Schemas.WebhookEndpointCreated.self)
                    _ = try await api.send("/webhooks", method: .post, as: AccountEndpointTests.key(world.otherTenant), json: ["url": url + "/theirs"])
                        .decode(Components.Schemas.WebhookEndpointCreated.self)

                    // As `fanout connections create --client-reference-id crm-42` does; each change sent before the next.
                    let organizationID = try #require(try await Self.organizationID(api, key))
                    let connection = try await OperatorService(storage: world.dependencies.storage).createConnection(
                        organizationID: organizationID, creatorID: world.owner.creatorID, permissions: [.messagesRead, .profileRead],
                        clientReferenceID: "crm-42", at: world.clock.now())
                    let connectionID = connection.id
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: 1)
                        let settings = "/v2/account/connections/\(connection.id)/settings"
                        #expect(try await api.send(settings, method: .patch, as: key, json: ["vaultPlus": ["enabled": true]]).status == .ok)
                        try await receiver.wait(for: 2)
                        #expect(try await api.send("/v2/account/connections/\(connection.id)/invalidate", method: .post, headers: key.headers).status == .ok)
                        try await receiver.wait(for: 3)
                        #expect(try await api.delete("/v2/account/connections/\(world.readOnly.connectionID)", as: key).status == .ok)
                        try await receiver.wait(for: 4)
                        try await Task.sleep(for: .milliseconds(300))
                    }
                    #expect(receiver.all.allSatisfy { $0.path == "/hook/mine" }, "the other organization hears nothing")
                    let events = receiver.all.compactMap(\.envelope)
                    #expect(events.compactMap { $0["eventType"] as? String }
                        == ["connection.created", "connection.updated", "connection.expired", "connection.expired"])
                    for (attempt, event) in zip(receiver.all, events) {
                        let id = try #require(attempt.webhookID), timestamp = try #require(attempt.headers[HTTPField.Name("svix-timestamp")!])
                        let secret = SymmetricKey(data: try #require(Data(base64Encoded: String(endpoint.value2.secret.dropFirst("whsec_".count)))))
                        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(id).\(timestamp).".utf8) + attempt.body, using: secret)
                        #expect(attempt.headers[HTTPField.Name("svix-signature")!] == "v1," + Data(mac).base64EncodedString())
                        #expect(event["type"] as? String == event["eventType"] as? String && event["live"] as? Bool == false)
                    }
                    func event(_ index: Int) throws -> [String: Any] {
                        try #require((events[index]["data"] as? [String: Any])?["connection"] as? [String: Any])
                    }
                    let created = try event(0)
                    #expect(created["id"] as? String == connectionID && created["status"] as? String == "active")
                    #expect(created["platformUserId"] as? String == String(world.owner.creatorID))
                    #expect(created["permissions"] as? [String] == ["messages:read", "profile:read"])
                    let user = try #require(created["userData"] as? [String: Any])
                    #expect(user["userId"] as? String == String(world.owner.creatorID) && !(user["username"] as? String ?? "").isEmpty)
                    #expect((events[0]["data"] as? [String: Any])?["clientReferenceId"] as? String == "crm-42")
                    #expect(try event(1)["id"] as? String == connectionID && event(1)["status"] as? String == "active")
                    #expect(try event(2)["id"] as? String == connectionID && event(2)["status"] as? String == "expired")
                    let deleted = try event(3)
                    #expect(deleted["id"] as? String == world.readOnly.connectionID && deleted["status"] as? String == "expired")
                    #expect((deleted["userData"] as? [String: Any])?["userId"] as? String == String(world.readOnly.creatorID))
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anInvalidatedConnectionHearsNoMoreRealtimeEvents(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let key = AccountEndpointTests.key(world.owner)
                let endpoint = try await WebhookEventTests.subscribe(api, world, url: "http://127.0.0.1:9/hook", to: .chatMessageReceived)
                let fan = try await DirectMessagesEndpointTests.subscribedFan(api, world.owner)
                func deliveries() async throws -> Int {
                    try await api.get("/webhooks/\(endpoint)/deliveries", as: key).decode(Components.Schemas.WebhookDeliveryPage.self).list.count
                }
                // The owner creator's two connections with messages:read (the full one and the read-only one) hear a fan's message.
                let listening = WebhookEventTests.connections(world, for: .chatMessageReceived)
                #expect(listening.count == 2)
                #expect(try await api.send("/sandbox/fans/\(fan)/messages", method: .post, as: world.owner, json: ["text": "one"]).status == .ok)
                #expect(try await deliveries() == 2)
                #expect(try await api.send("/v2/account/connections/\(world.readOnly.connectionID)/invalidate", method: .post, headers: key.headers).status == .ok)
                #expect(try await api.send("/sandbox/fans/\(fan)/messages", method: .post, as: world.owner, json: ["text": "two"]).status == .ok)
                #expect(try await deliveries() == 3, "only the connection still active hears the second")
            }
        }
    }

    static func organizationID(_ api: APIClient, _ key: Caller) async throws -> Int64? {
        Int64(try await api.get("/v2/account/whoami", as: key).decode(Components.Schemas.AccountWhoami.self).id)
    }
}
