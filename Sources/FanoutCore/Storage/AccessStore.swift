/// Organizations, their API keys (hashes only) and their connections.
public protocol AccessStore: Sendable {
    /// Keys whose public lookup id matches; the caller compares hashes.
    func apiKeys(lookupID: String) async throws -> [StoredAPIKey]
    /// The connection, only if it belongs to `organizationID`.
    func connection(id: String, organizationID: Int64) async throws -> Connection?
    /// The organization's connections, oldest first.
    func connections(organizationID: Int64) async throws -> [Connection]

    func createOrganization(name: String) async throws -> Organization
    func addAPIKey(_ key: StoredAPIKey, label: String) async throws
    /// Deletes the keys with this lookup id; how many there were.
    func revokeAPIKeys(lookupID: String) async throws -> Int
    /// Fails with `.badRequest` when the creator is unknown.
    func addConnection(_ connection: Connection) async throws
    func creatorExists(id: Int64) async throws -> Bool
    /// Registers a creator account (no-op when it exists).
    func addCreator(_ creator: UserProfile) async throws
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
