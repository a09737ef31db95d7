import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// Console sessions: found by their token's hash until they expire, bound to
/// one connection of their organization, gone when ended.
@Suite struct ConsoleSessionStoreContractTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StorageBackend.available)
    func aSessionLivesUntilItExpiresOrEnds(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let org = try await operations.createOrganization(name: "Org").organizationID
            let first = try await operations.createConnection(organizationID: org, creatorID: 1, permissions: [.messagesRead])
            let second = try await operations.createConnection(organizationID: org, creatorID: 2, permissions: [.messagesRead, .messagesWrite])
            let other = try await operations.createOrganization(name: "Other").organizationID
            _ = try await operations.createConnection(organizationID: other, creatorID: 1, permissions: [.messagesRead])
            #expect(try await storage.connections(organizationID: org).map(\.id) == [first.id, second.id], "the organization's, oldest first")
            #expect(try await storage.connections(organizationID: org).last?.permissions == [.messagesRead, .messagesWrite])

            let hash = Array(repeating: UInt8(7), count: 32), stale = Array(repeating: UInt8(9), count: 32)
            try await storage.startConsoleSession(
                ConsoleSession(tokenHash: stale, organizationID: org, connectionID: nil, csrfToken: "old", expiresAt: Self.now.addingTimeInterval(-1)),
                at: Self.now.addingTimeInterval(-10))
            // The key it was opened with comes back as stored (the console re-checks it on every request).
            let session = ConsoleSession(
                tokenHash: hash, organizationID: org, connectionID: nil, csrfToken: "csrf", expiresAt: Self.now.addingTimeInterval(60),
                apiKeyLookupID: "AbCdEfGhIjKl", apiKeyHash: Array(repeating: UInt8(3), count: 32))
            try await storage.startConsoleSession(session, at: Self.now)
            #expect(try await storage.consoleSession(tokenHash: hash, at: Self.now) == session)
            #expect(try await storage.consoleSession(tokenHash: stale, at: Self.now) == nil, "expired")
            #expect(try await storage.consoleSession(tokenHash: hash, at: Self.now.addingTimeInterval(61)) == nil, "past its expiry")

            try await storage.chooseConsoleConnection(second.id, tokenHash: hash)
            #expect(try await storage.consoleSession(tokenHash: hash, at: Self.now)?.connectionID == second.id)
            try await storage.endConsoleSession(tokenHash: hash)
            #expect(try await storage.consoleSession(tokenHash: hash, at: Self.now) == nil)
        }
    }
}
