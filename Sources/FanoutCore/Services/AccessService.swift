/// Turns the `apiKey` and `x-connection-id` headers into a connection.
public struct AccessService: Sendable {
    let store: any AccessStore
    let cache: AccessCache
    /// Failed keys per client address; nil: unlimited (the CLI, tests).
    let failures: AuthFailureLimiter?

    public init(store: any AccessStore, cache: AccessCache = AccessCache(ttl: .zero), failures: AuthFailureLimiter? = nil) {
        self.store = store
        self.cache = cache
        self.failures = failures
    }

    /// The organization that owns `apiKey`, presented by `client` (its
    /// address): refused before the key is looked at when that address has
    /// failed too often (`AuthenticationLockout`), and a wrong key counts
    /// (a missing one guesses nothing and does not).
    public func organization(apiKey: String?, client: String?) async throws -> Int64 {
        guard let failures, let apiKey, !apiKey.isEmpty else { return try await organization(apiKey: apiKey) }
        return try await failures.guarding(client: client) { try await organization(apiKey: apiKey) }
    }

    /// The organization that owns `apiKey`.
    public func organization(apiKey: String?) async throws -> Int64 {
        guard let apiKey, !apiKey.isEmpty else {
            throw FanoutError.unauthorized("Missing API key: send it in the apiKey header")
        }
        let secret = APIKeySecret(value: apiKey)
        guard let lookupID = secret.lookupID else { throw FanoutError.unauthorized("Invalid API key") }
        return try await organization(lookupID: lookupID, keyHash: secret.hash)
    }

    /// The organization of the key with this lookup id and SHA-256, while
    /// the key exists (a console session re-checks the key it was opened
    /// with this way: a revoked key ends it within the cache's time).
    public func organization(lookupID: String, keyHash: [UInt8]) async throws -> Int64 {
        if let organizationID = cache.organization(keyHash: keyHash) { return organizationID }
        for candidate in try await store.apiKeys(lookupID: lookupID)
        where APIKeySecret.constantTimeEquals(candidate.secretHash, keyHash) {
            cache.remember(organization: candidate.organizationID, keyHash: keyHash)
            return candidate.organizationID
        }
        throw FanoutError.unauthorized("Invalid API key")
    }

    /// The connection `connectionID` of `organizationID`. A missing, unknown or
    /// other organization's connection all fail the same way.
    public func connection(_ connectionID: String?, organizationID: Int64) async throws -> Connection {
        guard let connectionID, !connectionID.isEmpty else { throw FanoutError.sessionNotProvided }
        let connection: Connection
        if let cached = cache.connection(connectionID, organizationID: organizationID) {
            connection = cached
        } else {
            guard let stored = try await store.connection(id: connectionID, organizationID: organizationID)
            else { throw FanoutError.sessionNotProvided }
            cache.remember(stored)
            connection = stored
        }
        guard connection.status == .active else { throw FanoutError.sessionExpired(connection.id) }
        return connection
    }

    /// Drops what this instance remembers of the connection: called when it
    /// is invalidated or deleted, so that it stops working here at once
    /// (other instances see it within the cache's `ttl`).
    public func forget(connectionID: String, organizationID: Int64) {
        cache.forget(connectionID, organizationID: organizationID)
    }
}
