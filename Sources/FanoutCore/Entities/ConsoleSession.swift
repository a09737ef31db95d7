import Foundation

/// A signed-in browser of the web console. The browser holds only a random
/// token in a cookie; this row is found by the token's SHA-256, never by the
/// token itself, and holds no API key: only the key's public lookup id and
/// its SHA-256 (as the key's row does), so the session ends with the key.
public struct ConsoleSession: Sendable, Equatable {
    public var tokenHash: [UInt8]
    public var organizationID: Int64
    /// The connection (creator) chosen after signing in; nil until then.
    public var connectionID: String?
    /// Sent back in every form: a request from another site cannot know it.
    public var csrfToken: String
    public var expiresAt: Date
    /// The key signed in with; nil only on sessions older than this column,
    /// which then count as ended.
    public var apiKeyLookupID: String?
    public var apiKeyHash: [UInt8]?

    public init(
        tokenHash: [UInt8], organizationID: Int64, connectionID: String?, csrfToken: String, expiresAt: Date,
        apiKeyLookupID: String? = nil, apiKeyHash: [UInt8]? = nil
    ) {
        self.tokenHash = tokenHash
        self.organizationID = organizationID
        self.connectionID = connectionID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
        self.apiKeyLookupID = apiKeyLookupID
        self.apiKeyHash = apiKeyHash
    }
}
