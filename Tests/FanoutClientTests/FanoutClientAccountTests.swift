import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The account and self methods of the Swift client, against a real server.
@Suite struct FanoutClientAccountTests {
    @Test(arguments: StorageBackend.available) func accountAndSelfRoundTrip(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let organization = world.credentials.organizations[0]
            #expect(try await client.whoami().name == organization.name)
            var walked: [String] = []
            for try await connection in client.connections(pageSize: 1) { walked.append(connection.id) }
            // Oldest first, ties by id: the world's connections share one instant, so compare as sets.
            #expect(Set(walked) == Set(organization.connections.map(\.id)) && walked.count == organization.connections.count)

            let readOnly = organization.connections[2].id
            let patched = try await client.updateConnectionSettings(id: readOnly, .init(vaultPlus: .init(enabled: true)))
            let read = try await client.connectionSettings(id: readOnly)
            #expect(patched.settings.vaultPlus.enabled && read.vaultPlus.enabled)
            let defaults = try await client.updateOrganizationSettings(.init(vaultPlus: .init(autoEnableForNewConnections: true)))
            let stored = try await client.organizationSettings()
            #expect(defaults.settings.vaultPlus.autoEnableForNewConnections && stored.vaultPlus.autoEnableForNewConnections)

            #expect(try await client.invalidateConnection(id: readOnly).connection.status == .expired)
            let ended = world.client(connection: 2)
            await #expect { try await ended.chatsPage(limit: 1) } throws: { ($0 as? FanoutClientError)?.code == "SESSION_EXPIRED" }
            #expect(try await client.deleteConnection(id: readOnly).success)
            await #expect { try await ended.chatsPage(limit: 1) } throws: { ($0 as? FanoutClientError)?.code == "SESSION_NOT_PROVIDED" }

            let me = try await client.selfProfile()
            #expect(me.id == Int(world.ownerCreatorID) && me.isAuth)
            #expect(try await client.updateSelf(about: "From Swift").about == "From Swift")
            #expect(try await client.selfProfile().about == "From Swift")
        }
    }
}
