import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// An event reaches a connection's organization only if that connection
/// holds the permission reading the event's subject needs: `messages:read`
/// for chat and mass-message events, `analytics:read` for purchases.
@Suite struct WebhookPermissionTests {
    @Test(arguments: StorageBackend.available) func aConnectionWithoutMessagesReadReceivesNoChatMessage(backend: StorageBackend) async throws {
        let receiver = WebhookReceiver { _ in .ok }
        try await receiver.listening { url in
            try await TestWorld.with(backend) { world in
                try await world.withClient { api in
                    try await world.fanOut.drain()
                    // A second organization connected to the same creator with analytics:read only.
                    let operatorService = OperatorService(storage: world.dependencies.storage)
                    let watcher = try await operatorService.createOrganization(name: "Analytics only")
                    let analyticsOnly = try await operatorService.createConnection(
                        organizationID: watcher.organizationID, creatorID: world.owner.creatorID, permissions: [.analyticsRead])
                    let watcherKey = Caller(apiKey: watcher.apiKey, connectionID: "", creatorID: 0)
                    let ownerKey = Caller(apiKey: world.owner.apiKey, connectionID: "", creatorID: 0)
                    let watched = try await api.send("/webhooks", method: .post, as: watcherKey, json: ["url": url + "/watcher"])
                        .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id
                    let owned = try await api.send("/webhooks", method: .post, as: ownerKey, json: ["url": url + "/owner"])
                        .decode(Components.Schemas.WebhookEndpointCreated.self).value1.id

                    let fan = try #require(try await world.dependencies.storage.activeFanIDs(creatorID: world.owner.creatorID, limit: 1).first)
                    _ = try await world.dependencies.storage.fanSendsMessage(
                        creatorID: world.owner.creatorID, fanID: fan, text: "For messages:read only", tip: nil, at: TestWorld.anchor)
                    // The owner's organization: one event per connection to the creator that may read messages.
                    let readers = world.credentials.organizations[0].connections
                        .filter { $0.creatorID == world.owner.creatorID && $0.permissions.contains(.messagesRead) }.map(\.id)
                    #expect(!readers.isEmpty)
                    try await WebhookDeliveryTests.withSender(world) {
                        try await receiver.wait(for: readers.count)
                        try await Task.sleep(for: .milliseconds(300))
                    }
                    #expect(receiver.all.allSatisfy { $0.path == "/hook/owner" }, "nothing for the analytics-only connection")
                    let connections = receiver.all.compactMap { (($0.envelope?["data"] as? [String: Any])?["connection"] as? [String: Any])?["id"] as? String }
                    #expect(Set(connections) == Set(readers) && !connections.contains(analyticsOnly.id))
                    let none = try await api.get("/webhooks/\(watched)/deliveries", as: watcherKey).decode(Components.Schemas.WebhookDeliveryPage.self)
                    #expect(none.list.isEmpty, "no delivery was even written for it")
                    let some = try await api.get("/webhooks/\(owned)/deliveries", as: ownerKey).decode(Components.Schemas.WebhookDeliveryPage.self)
                    #expect(some.list.count == readers.count)
                }
            }
        }
    }

    @Test func eachEventTypeNeedsThePermissionItsSubjectNeeds() {
        #expect(WebhookEventType.chatMessageReceived.requiredPermission == .messagesRead)
        #expect(WebhookEventType.chatMessageDeleted.requiredPermission == .messagesRead)
        #expect(WebhookEventType.massMessageSent.requiredPermission == .messagesRead)
        #expect(WebhookEventType.massMessagePurchased.requiredPermission == .analyticsRead)
        #expect(WebhookEventType.test.requiredPermission == nil)
    }
}
