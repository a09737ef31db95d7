import Foundation

/// Organizations, their API keys (hashes only) and their connections.
public protocol AccessStore: Sendable {
    /// Keys whose public lookup id matches; the caller compares hashes.
    func apiKeys(lookupID: String) async throws -> [StoredAPIKey]
    /// The connection, only if it belongs to `organizationID`.
    func connection(id: String, organizationID: Int64) async throws -> Connection?
    /// The organization's active connections (the ones that answer), oldest first.
    func connections(organizationID: Int64) async throws -> [Connection]

    func createOrganization(name: String) async throws -> Organization
    func addAPIKey(_ key: StoredAPIKey, label: String) async throws
    /// Deletes the keys with this lookup id; how many there were.
    func revokeAPIKeys(lookupID: String) async throws -> Int
    /// Fails with `.badRequest` when the creator or the organization is
    /// unknown. Writes `connection.created` (`ConnectionChange`) with it.
    func addConnection(_ connection: Connection, clientReferenceID: String?, at now: Date) async throws
    func creatorExists(id: Int64) async throws -> Bool
    /// Registers a creator account (no-op when it exists).
    func addCreator(_ creator: UserProfile) async throws
}

extension AccessStore {
    /// Without a reference, made now (tests).
    public func addConnection(_ connection: Connection) async throws {
        try await addConnection(connection, clientReferenceID: nil, at: Date())
    }
}

/// An API key as stored: never the secret, only its hash.
public struct StoredAPIKey: Sendable, Equatable {
    public var organizationID: Int64
    public var lookupID: String
    public var secretHash: [UInt8]

    public init(organizationID: Int64, lookupID: String, secretHash: [UInt8]) {
        self.organizationID = organizationID
        self.lookupID = lookupID
        self.secretHash = secretHash
    }
}
