import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// `userIds` names at most `Audience.maxUserIDs` fans, on create and update.
@Suite struct MassMessageUserIdsBoundTests {
    @Test func tenThousandUserIdsAreAcceptedAndOneMoreIsRefusedNamingTheField() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let most = Array(1...Audience.maxUserIDs)
                let accepted = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Hello", "userIds": most,
                ])
                #expect(accepted.status == .ok)

                let tooMany = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Hello", "userIds": most + [Audience.maxUserIDs + 1],
                ])
                #expect(tooMany.status == .badRequest)
                #expect(try tooMany.error.details?.field == "userIds")

                let later = ISO8601DateFormatter().string(from: world.clock.now().addingTimeInterval(3_600))
                let scheduled = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Later", "scheduledDate": later,
                ]).decode(Components.Schemas.MassMessageCreated.self)
                let update = try await api.send("/v2/access/mass-messages/\(scheduled.id)", method: .put, as: world.owner, json: [
                    "text": "Later", "scheduledDate": later, "userIds": most + [Audience.maxUserIDs + 1],
                ])
                #expect(update.status == .badRequest)
                #expect(try update.error.details?.field == "userIds")
            }
        }
    }
}
