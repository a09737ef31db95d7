import FanoutAPI
import FanoutCore
import FanoutServer
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// `/webhooks`: registered, listed, removed and tested by the organization's
/// `apiKey` alone; bad input named; another organization's endpoints unseen.
@Suite struct WebhooksEndpointTests {
    @Test(arguments: StorageBackend.available) func anOrganizationManagesItsEndpoints(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                let created = try await api.send("/webhooks", method: .post, as: key, json: [
                    "url": "https://hooks.example.test/fanout", "events": ["fanout.mass_message.sent", "realtime.chat_message.received"],
                ])
                #expect(created.status == .created)
                let endpoint = try created.decode(Components.Schemas.WebhookEndpointCreated.self)
                #expect(endpoint.value2.secret.hasPrefix("whsec_") && WebhookSecret(endpoint.value2.secret) != nil)
                #expect(endpoint.value1.events == ["fanout.mass_message.sent", "realtime.chat_message.received"])

                let listed = try await api.get("/webhooks", as: key)
                #expect(listed.status == .ok)
                #expect(try listed.decode(Components.Schemas.WebhookEndpointList.self).list.map(\.id) == [endpoint.value1.id])
                #expect(String(decoding: listed.body, as: UTF8.self).contains("whsec_") == false, "the secret is shown once")

                let queued = try await api.send("/webhooks/\(endpoint.value1.id)/test", method: .post, headers: key.headers)
                #expect(queued.status == .accepted)
                let eventID = try queued.decode(Components.Schemas.WebhookTestQueued.self).eventId
                let deliveries = try await api.get("/webhooks/\(endpoint.value1.id)/deliveries", as: key)
                    .decode(Components.Schemas.WebhookDeliveryPage.self)
                #expect(deliveries.list.map(\.eventId) == [eventID] && deliveries.list[0].state == .pending && deliveries.list[0].attempts == 0)

                let stranger = Caller(apiKey: world.otherTenant.apiKey, connectionID: "", creatorID: 0)
                #expect(try await api.get("/webhooks", as: stranger).decode(Components.Schemas.WebhookEndpointList.self).list.isEmpty)
                #expect(try await api.delete("/webhooks/\(endpoint.value1.id)", as: stranger).status == .notFound)
                #expect(try await api.get("/webhooks/\(endpoint.value1.id)/deliveries", as: stranger).status == .notFound)
                #expect(try await api.send("/webhooks/\(endpoint.value1.id)/test", method: .post, headers: stranger.headers).status == .notFound)

                #expect(try await api.delete("/webhooks/\(endpoint.value1.id)", as: key).status == .ok)
                #expect(try await api.delete("/webhooks/\(endpoint.value1.id)", as: key).status == .notFound)
                #expect(try await api.get("/webhooks", as: nil).status == .unauthorized)
            }
        }
    }

    @Test(arguments: [
        (#"{"url": "ftp://example.test/x"}"#, "url"),
        (#"{"url": "https:///nohost"}"#, "url"),
        (#"{"url": "https://exa mple.test/"}"#, "url"),
        (#"{"url": 42}"#, "url"),
        (#"{}"#, "url"),
        (#"{"url": "https://example.test/", "events": ["chat.typing"]}"#, "events"),
        (#"{"url": "https://example.test/", "events": ["webhook.test"]}"#, "events"),
        (#"{"url": "https://example.test/", "events": "fanout.mass_message.sent"}"#, "events"),
        (#"{"url": "https://example.test/", "events": [7]}"#, "events[0]"),
        (#"{"url": "https://example.test/", "events": null}"#, "events"),
    ])
    func badInputIsA400NamingTheField(body: String, field: String) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let key = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                let answer = try await api.send("/webhooks", method: .post, as: key, json: body)
                #expect(answer.status == .badRequest)
                #expect(try answer.error.details?.field == field, "\(String(decoding: answer.body, as: UTF8.self))")
            }
        }
    }
}
