import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// The sandbox's clock per creator: offsets that only add up, per creator,
/// within a bound; and the time-based queries that take one creator's rows
/// (at its clock) or everyone else's.
@Suite struct CreatorClockContractTests {
    @Test(arguments: StorageBackend.available)
    func offsetsAddUpPerCreatorWithinTheBound(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let untouched = try await storage.creatorClockOffsets()
            #expect(untouched.isEmpty, "no creator's clock was moved")
            var answers: [TimeInterval?] = []
            for (creatorID, seconds) in [(1, 100), (1, 50.5), (2, 10), (1, 900)] as [(Int64, TimeInterval)] {
                answers.append(try await storage.advanceCreatorClock(creatorID: creatorID, by: seconds, upTo: 1_000))
            }
            #expect(answers == [100, 150.5, 10, nil], "past the bound: refused")
            let offsets = try await storage.creatorClockOffsets()
            #expect(offsets == [1: 150.5, 2: 10])
        }
    }

    @Test(arguments: StorageBackend.available)
    func webhookClaimsTakeOneCreatorsEventsOrEveryoneElses(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let org = try await operations.createOrganization(name: "Org")
            _ = try await operations.createConnection(organizationID: org.organizationID, creatorID: 1, permissions: [.messagesRead])
            let endpoint = try await storage.addWebhookEndpoint(
                organizationID: org.organizationID, url: "https://a.test/", events: [], secret: .generate(), at: Scenario.now)
            let now = Scenario.now
            _ = try await storage.fanSendsMessage(creatorID: 1, fanID: 10, text: "Hi", tip: nil, at: now)
            let test = WebhookEvent(type: .test, payload: Array(#"{"type":"webhook.test"}"#.utf8))
            #expect(try await storage.enqueueWebhookEvent(test, endpointID: endpoint.id, organizationID: org.organizationID, at: now))

            func claim(_ scope: CreatorScope) async throws -> [WebhookEventType] {
                try await storage.claimDueWebhookDeliveries(
                    at: now, leaseUntil: now.addingTimeInterval(60), perEndpoint: 4, limit: 10, excluding: [], of: scope).map(\.type)
            }
            #expect(try await claim(.only(2)).isEmpty, "another creator's clock takes none of creator 1's events")
            #expect(try await claim(.allBut([1])) == [.test], "everyone else's: the test event, which is nobody's")
            #expect(try await claim(.only(1)) == [.chatMessageReceived])
        }
    }
}
