import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

@Suite struct AccessStoreContractTests {
    @Test(arguments: StorageBackend.available)
    func keysAreStoredAsHashesAndConnectionsScopedToTheirOrganization(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let first = try await operations.createOrganization(name: "One")
            let second = try await operations.createOrganization(name: "Two")
            let access = AccessService(store: storage)
            #expect(try await access.organization(apiKey: first.apiKey) == first.organizationID)
            #expect(try await access.organization(apiKey: second.apiKey) == second.organizationID)
            let secret = APIKeySecret(value: first.apiKey)
            let stored = try await storage.apiKeys(lookupID: secret.lookupID!)
            #expect(stored.map(\.secretHash) == [secret.hash])

            let connection = try await operations.createConnection(organizationID: first.organizationID, creatorID: 1, permissions: [.messagesRead])
            #expect(connection.id.hasPrefix("conn_"))
            let found = try #require(try await storage.connection(id: connection.id, organizationID: first.organizationID))
            #expect(found.creatorID == 1 && found.permissions == [.messagesRead] && found.id == connection.id)
            #expect(found.creatorName == "Creator", "the creator's name comes with the connection")
            #expect(try await storage.connection(id: connection.id, organizationID: second.organizationID) == nil)
            await #expect(throws: FanoutError.self) {
                try await operations.createConnection(organizationID: first.organizationID, creatorID: 10, permissions: [])
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func aRevokedKeyNoLongerAuthenticates(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let kept = try await operations.createOrganization(name: "Kept")
            let revoked = try await operations.createKey(organizationID: kept.organizationID, label: "second")
            let access = AccessService(store: storage)
            #expect(try await access.organization(apiKey: revoked.apiKey) == kept.organizationID)

            let publicPart = String(revoked.apiKey.prefix(APIKeySecret.prefix.count + 12))
            #expect(try await operations.revokeKey(publicPart) == 1)
            await #expect(throws: FanoutError.unauthorized("Invalid API key")) { try await access.organization(apiKey: revoked.apiKey) }
            #expect(try await access.organization(apiKey: kept.apiKey) == kept.organizationID, "other keys stay")
            #expect(try await operations.revokeKey(revoked.apiKey) == 0)
            await #expect(throws: FanoutError.self) { try await operations.revokeKey("not-a-key") }
        }
    }
}
