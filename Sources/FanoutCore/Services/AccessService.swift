/// Turns the `apiKey` and `x-connection-id` headers into a connection.
public struct AccessService: Sendable {
    let store: any AccessStore
    let cache: AccessCache

    public init(store: any AccessStore, cache: AccessCache = AccessCache(ttl: .zero)) {
        self.store = store
        self.cache = cache
    }

    /// The organization that owns `apiKey`.
    public func organization(apiKey: String?) async throws -> Int64 {
        guard let apiKey, !apiKey.isEmpty else {
            throw FanoutError.unauthorized("Missing API key: send it in the apiKey header")
        }
        let secret = APIKeySecret(value: apiKey)
        guard let lookupID = secret.lookupID else { throw FanoutError.unauthorized("Invalid API key") }
        let presented = secret.hash
        if let organizationID = cache.organization(keyHash: presented) { return organizationID }
        for candidate in try await store.apiKeys(lookupID: lookupID)
        where APIKeySecret.constantTimeEquals(candidate.secretHash, presented) {
            cache.remember(organization: candidate.organizationID, keyHash: presented)
            return candidate.organizationID
        }
        throw FanoutError.unauthorized("Invalid API key")
    }

    /// The connection `connectionID` of `organizationID`. A missing, unknown or
    /// other organization's connection all fail the same way.
    public func connection(_ connectionID: String?, organizationID: Int64) async throws -> Connection {
        guard let connectionID, !connectionID.isEmpty else { throw FanoutError.sessionNotProvided }
        if let connection = cache.connection(connectionID, organizationID: organizationID) { return connection }
        guard let connection = try await store.connection(id: connectionID, organizationID: organizationID)
        else { throw FanoutError.sessionNotProvided }
        cache.remember(connection)
        return connection
    }
}
