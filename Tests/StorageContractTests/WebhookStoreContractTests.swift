import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// Endpoints per organization, and the outbox: a due delivery is claimed by
/// one sender, leased while attempted, and ends delivered, retried or failed.
@Suite struct WebhookStoreContractTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StorageBackend.available)
    func endpointsBelongToTheirOrganization(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let mine = try await operations.createOrganization(name: "Mine"), theirs = try await operations.createOrganization(name: "Theirs")
            let secret = WebhookSecret.generate()
            let endpoint = try await storage.addWebhookEndpoint(
                organizationID: mine.organizationID, url: "https://example.test/hook", events: [.massMessageSent], secret: secret, at: Self.now)
            let listed = try await storage.webhookEndpoints(organizationID: mine.organizationID)
            #expect(listed.map(\.id) == [endpoint.id] && listed[0].secret == secret && listed[0].events == [.massMessageSent])
            #expect(listed[0].createdAt == Self.now && listed[0].disabledAt == nil)
            #expect(try await storage.webhookEndpoints(organizationID: theirs.organizationID).isEmpty)

            let event = WebhookEvent(type: .test, payload: Array(#"{"type":"webhook.test"}"#.utf8))
            #expect(try await !storage.enqueueWebhookEvent(event, endpointID: endpoint.id, organizationID: theirs.organizationID, at: Self.now))
            #expect(try await storage.webhookDeliveries(endpointID: endpoint.id, organizationID: theirs.organizationID, page: .init(limit: 10, offset: 0)) == nil)
            #expect(try await !storage.removeWebhookEndpoint(id: endpoint.id, organizationID: theirs.organizationID))
            #expect(try await storage.enqueueWebhookEvent(event, endpointID: endpoint.id, organizationID: mine.organizationID, at: Self.now))
            #expect(try await storage.removeWebhookEndpoint(id: endpoint.id, organizationID: mine.organizationID))
            #expect(try await storage.webhookEndpoints(organizationID: mine.organizationID).isEmpty)
            let due = try await storage.claimDueWebhookDeliveries(
                at: Self.now, leaseUntil: Self.now.addingTimeInterval(60), perEndpoint: 4, limit: 10, excluding: [])
            #expect(due.isEmpty, "a removed endpoint's deliveries go with it")
        }
    }

    @Test(arguments: StorageBackend.available)
    func aDeliveryIsLeasedRetriedAndEnds(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let org = try await OperatorService(storage: storage).createOrganization(name: "Org").organizationID
            let first = try await storage.addWebhookEndpoint(
                organizationID: org, url: "https://a.test/", events: [], secret: .generate(), at: Self.now)
            let second = try await storage.addWebhookEndpoint(
                organizationID: org, url: "https://b.test/", events: [], secret: .generate(), at: Self.now)
            var events: [WebhookEvent] = []
            for (index, endpoint) in [first, first, first, second].enumerated() {
                let event = WebhookEvent(type: .test, payload: Array("{\"n\":\(index)}".utf8))
                events.append(event)
                #expect(try await storage.enqueueWebhookEvent(event, endpointID: endpoint.id, organizationID: org, at: Self.now))
            }
            let lease = Self.now.addingTimeInterval(60)
            let claimed = try await storage.claimDueWebhookDeliveries(at: Self.now, leaseUntil: lease, perEndpoint: 2, limit: 10, excluding: [])
            #expect(claimed.map(\.eventID) == [events[0].id, events[1].id, events[3].id], "two of the first endpoint's, oldest first, one of the second's")
            #expect(claimed[0].payload == events[0].payload && claimed[0].url == "https://a.test/" && claimed[0].secret == first.secret)
            #expect(try await storage.claimDueWebhookDeliveries(at: Self.now, leaseUntil: lease, perEndpoint: 2, limit: 10, excluding: [])
                .map(\.eventID) == [events[2].id], "claimed ones are leased")
            #expect(try await storage.claimDueWebhookDeliveries(
                at: lease, leaseUntil: lease.addingTimeInterval(60), perEndpoint: 4, limit: 10, excluding: [first.id]
            ).map(\.eventID) == [events[3].id], "a busy endpoint is left out; an expired lease is due again")

            let retryAt = Self.now.addingTimeInterval(5)
            try await storage.recordWebhookAttempt(deliveryID: claimed[0].id, status: 500, outcome: .retry(at: retryAt), at: Self.now)
            try await storage.recordWebhookAttempt(deliveryID: claimed[1].id, status: 204, outcome: .delivered, at: Self.now)
            let page = try #require(try await storage.webhookDeliveries(endpointID: first.id, organizationID: org, page: .init(limit: 10, offset: 0)))
            #expect(page.items.map(\.eventID) == [events[2].id, events[1].id, events[0].id], "newest first")
            #expect(page.items[1].state == .delivered && page.items[1].attempts == 1 && page.items[1].lastStatus == 204 && page.items[1].nextAttemptAt == nil)
            #expect(page.items[2].state == .pending && page.items[2].attempts == 1 && page.items[2].lastStatus == 500 && page.items[2].nextAttemptAt == retryAt)
            let again = try await storage.claimDueWebhookDeliveries(at: retryAt, leaseUntil: retryAt.addingTimeInterval(60), perEndpoint: 1, limit: 10, excluding: [second.id])
            #expect(again.map(\.eventID) == [events[0].id] && again[0].attempts == 1)

            // 410: the endpoint is disabled and nothing more of it is claimed.
            try await storage.recordWebhookAttempt(deliveryID: again[0].id, status: 410, outcome: .endpointGone, at: retryAt)
            #expect(try await storage.webhookEndpoints(organizationID: org).first { $0.id == first.id }?.disabledAt == retryAt)
            let later = Self.now.addingTimeInterval(3600)
            #expect(try await storage.claimDueWebhookDeliveries(at: later, leaseUntil: later, perEndpoint: 4, limit: 10, excluding: [])
                .map(\.endpointID) == [second.id])
            let gone = try #require(try await storage.webhookDeliveries(endpointID: first.id, organizationID: org, page: .init(limit: 10, offset: 0)))
            #expect(gone.items.last?.state == .failed && gone.items.last?.attempts == 2)
        }
    }

    @Test(arguments: StorageBackend.available)
    func eventsWrittenWithTheirCauseNameTheirSubjectAndFan(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let org = try await operations.createOrganization(name: "Org")
            // Both permissions: a purchase's event needs analytics:read, an unsent message's messages:read.
            let connection = try await operations.createConnection(
                organizationID: org.organizationID, creatorID: 1, permissions: [.messagesRead, .analyticsRead])
            // Another organization whose connection may read messages only: the unsend's event, not the purchase's.
            let other = try await operations.createOrganization(name: "Messages only")
            let reader = try await operations.createConnection(organizationID: other.organizationID, creatorID: 1, permissions: [.messagesRead])
            _ = try await storage.addWebhookEndpoint(
                organizationID: other.organizationID, url: "https://b.test/", events: [], secret: .generate(), at: Self.now)
            _ = try await storage.addWebhookEndpoint(
                organizationID: org.organizationID, url: "https://a.test/", events: [.chatMessageDeleted, .massMessagePurchased],
                secret: .generate(), at: Self.now)
            let now = Scenario.now
            let sent = try await storage.sendDirectMessage(MessageContent(text: "Oops"), creatorID: 1, fanID: 10, at: now)
            #expect(try await storage.deleteDirectMessage(id: sent.id, creatorID: 1, fanID: 10, sentNotBefore: now, at: now))
            // The world's only paid messages unopened are deliveries of a paid mass message.
            var purchased: (messageID: Int64, fanID: Int64)?
            for candidate in try await storage.unopenedMessages(creatorID: 1, limit: 50) where purchased == nil {
                if try await storage.fanBuysMessage(id: candidate.messageID, creatorID: 1, fanID: candidate.fanID, at: now) { purchased = candidate }
            }
            let (bought, fan) = try #require(purchased)

            let claimed = try await storage.claimDueWebhookDeliveries(
                at: now, leaseUntil: now.addingTimeInterval(60), perEndpoint: 4, limit: 10, excluding: [])
            let forReader = claimed.filter { $0.connectionID == reader.id }
            #expect(forReader.map(\.type) == [.chatMessageDeleted], "no purchase for a connection without analytics:read")
            let due = claimed.filter { $0.connectionID != reader.id }
            #expect(due.map(\.type) == [.chatMessageDeleted, .massMessagePurchased])
            #expect(due.allSatisfy { $0.connectionID == connection.id && $0.payload == nil }, "rendered when sent")
            #expect(due[0].subjectID == sent.id && due[0].fanID == 10, "the unsent message and its chat, though the message is gone")
            let purchaseID = try #require(due[1].subjectID)
            #expect(due[1].fanID == fan)
            let purchase = try #require(try await storage.purchase(id: purchaseID, creatorID: 1))
            #expect(purchase.messageID == bought && purchase.massMessageID != nil && purchase.fan.id == fan)
            #expect(purchase.amount == Money(cents: 999) && purchase.createdAt == now)
            #expect(try await storage.purchase(id: purchaseID, creatorID: 2) == nil, "another creator's purchase is not read")
        }
    }
}
