import FanoutCore
import Foundation
import Testing

@Suite struct AccessStoreContractTests {
    @Test(arguments: StorageBackend.allCases)
    func keysAreStoredAsHashesAndConnectionsScopedToTheirOrganization(backend: StorageBackend) async throws {
        let storage = try await Scenario.seeded(backend)
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
        #expect(try await storage.connection(id: connection.id, organizationID: first.organizationID) == connection)
        #expect(try await storage.connection(id: connection.id, organizationID: second.organizationID) == nil)
        await #expect(throws: FanoutError.self) {
            try await operations.createConnection(organizationID: first.organizationID, creatorID: 10, permissions: [])
        }
    }
}
