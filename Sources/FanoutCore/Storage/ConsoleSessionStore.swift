import Foundation

/// The web console's sessions, server-side (so that every instance on one
/// database knows them), found by the hash of the browser's token.
public protocol ConsoleSessionStore: Sendable {
    /// Stores `session`, and forgets sessions expired before `now`.
    func startConsoleSession(_ session: ConsoleSession, at now: Date) async throws
    /// The session, unless it expired before `now`.
    func consoleSession(tokenHash: [UInt8], at now: Date) async throws -> ConsoleSession?
    /// Sets the session's connection (the caller checked it is the organization's).
    func chooseConsoleConnection(_ connectionID: String, tokenHash: [UInt8]) async throws
    func endConsoleSession(tokenHash: [UInt8]) async throws
}
