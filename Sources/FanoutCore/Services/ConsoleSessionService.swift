import Crypto
import Foundation

/// Signing in to the web console with an organization's API key, choosing
/// a connection, signing out. The browser gets a random token; the store
/// keeps its SHA-256 and a CSRF token; the API key is checked and dropped.
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

    /// A new session for the key's organization, and the token for the cookie.
    public func signIn(apiKey: String?) async throws -> (token: String, session: ConsoleSession) {
        let organizationID = try await access.organization(apiKey: apiKey)
        let token = Self.randomToken()
        let now = clock.now()
        let session = ConsoleSession(
            tokenHash: Self.hash(token), organizationID: organizationID, connectionID: nil, csrfToken: Self.randomToken(),
            expiresAt: now.addingTimeInterval(Self.lifetime))
        try await store.startConsoleSession(session, at: now)
        return (token, session)
    }

    /// The live session the cookie's token names; nil for none, an unknown or an expired one.
    public func session(token: String?) async throws -> ConsoleSession? {
        guard let token, !token.isEmpty, token.utf8.count <= 128 else { return nil }
        return try await store.consoleSession(tokenHash: Self.hash(token), at: clock.now())
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
