import Crypto
import Foundation

/// Signing in to the web console with an organization's API key, choosing
/// a connection, signing out. The browser gets a random token; the store
/// keeps its SHA-256, a CSRF token, and the key's lookup id and SHA-256 (as
/// the key's own row does; never the key): every request checks the key
/// still exists, so a session ends with its key (within the auth cache's time).
public struct ConsoleSessionService: Sendable {
    let store: any ConsoleSessionStore & AccessStore
    let access: AccessService
    let clock: any FanoutClock
    /// How long a sign-in lasts.
    public static let lifetime: TimeInterval = 12 * 3_600

    public init(store: any ConsoleSessionStore & AccessStore, access: AccessService, clock: any FanoutClock) {
        self.store = store
        self.access = access
        self.clock = clock
    }

    /// A new session for the key's organization, and the token for the
    /// cookie. `client` is the browser's address: its failed keys are limited
    /// as on the API.
    public func signIn(apiKey: String?, client: String?) async throws -> (token: String, session: ConsoleSession) {
        let organizationID = try await access.organization(apiKey: apiKey, client: client)
        let secret = APIKeySecret(value: apiKey ?? "")
        guard let lookupID = secret.lookupID else { throw FanoutError.unauthorized("Invalid API key") }
        let token = Self.randomToken()
        let now = clock.now()
        let session = ConsoleSession(
            tokenHash: Self.hash(token), organizationID: organizationID, connectionID: nil, csrfToken: Self.randomToken(),
            expiresAt: now.addingTimeInterval(Self.lifetime), apiKeyLookupID: lookupID, apiKeyHash: secret.hash)
        try await store.startConsoleSession(session, at: now)
        return (token, session)
    }

    /// The live session the cookie's token names; nil for none, an unknown
    /// or an expired one, or one whose key was revoked (that one is ended).
    public func session(token: String?) async throws -> ConsoleSession? {
        guard let token, !token.isEmpty, token.utf8.count <= 128,
              let session = try await store.consoleSession(tokenHash: Self.hash(token), at: clock.now())
        else { return nil }
        guard let lookupID = session.apiKeyLookupID, let keyHash = session.apiKeyHash,
              try await keyStillOpens(session, lookupID: lookupID, keyHash: keyHash)
        else {
            try await store.endConsoleSession(tokenHash: session.tokenHash)
            return nil
        }
        return session
    }

    /// Whether the session's key still exists and is its organization's
    /// (through the auth cache: a revoked key is seen within its time).
    private func keyStillOpens(_ session: ConsoleSession, lookupID: String, keyHash: [UInt8]) async throws -> Bool {
        do {
            return try await access.organization(lookupID: lookupID, keyHash: keyHash) == session.organizationID
        } catch FanoutError.unauthorized {
            return false
        }
    }

    /// The organization's connections (creators) to choose from.
    public func connections(of session: ConsoleSession) async throws -> [Connection] {
        try await store.connections(organizationID: session.organizationID)
    }

    /// Works the session on `connectionID`; another organization's (or an
    /// unknown) connection fails as the API's header does.
    public func choose(_ connectionID: String, for session: ConsoleSession) async throws -> Connection {
        let connection = try await access.connection(connectionID, organizationID: session.organizationID)
        try await store.chooseConsoleConnection(connection.id, tokenHash: session.tokenHash)
        return connection
    }

    /// The session's chosen connection, as the API would authenticate it;
    /// nil when none is chosen or it is gone (the browser chooses again).
    public func connection(of session: ConsoleSession) async throws -> Connection? {
        guard let id = session.connectionID else { return nil }
        do {
            return try await access.connection(id, organizationID: session.organizationID)
        } catch FanoutError.sessionNotProvided {
            return nil
        } catch FanoutError.sessionExpired {
            return nil
        }
    }

    public func signOut(_ session: ConsoleSession) async throws {
        try await store.endConsoleSession(tokenHash: session.tokenHash)
    }

    /// Whether a form's CSRF token is the session's (compared in constant time).
    public static func isValid(csrf: String?, for session: ConsoleSession) -> Bool {
        guard let csrf else { return false }
        return APIKeySecret.constantTimeEquals(Array(csrf.utf8), Array(session.csrfToken.utf8))
    }

    static func hash(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Array(token.utf8))) }

    /// 43 base-62 characters: more than 256 bits.
    static func randomToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<43).map { _ in APIKeySecret.alphabet.randomElement(using: &rng)! })
    }
}
