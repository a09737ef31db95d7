import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: ConsoleSessionStore {
    public func startConsoleSession(_ session: ConsoleSession, at now: Date) async throws {
        try await write { db in
            try await db.run(ConsoleSessionStatements.deleteExpired(at: now), logger)
            try await db.run(ConsoleSessionStatements.insert(session), logger)
        }
    }

    public func consoleSession(tokenHash: [UInt8], at now: Date) async throws -> ConsoleSession? {
        try await read { db in
            guard let row = try await db.rows(ConsoleSessionStatements.select(tokenHash: tokenHash, at: now), logger).first
            else { return nil }
            let (organizationID, connectionID, csrfToken, expiresAt, lookupID, keyHash) =
                try row.decode((Int64, String?, String, Date, String?, ByteBuffer?).self)
            return ConsoleSession(
                tokenHash: tokenHash, organizationID: organizationID, connectionID: connectionID, csrfToken: csrfToken, expiresAt: expiresAt,
                apiKeyLookupID: lookupID, apiKeyHash: keyHash.map { Array($0.readableBytesView) })
        }
    }

    public func chooseConsoleConnection(_ connectionID: String, tokenHash: [UInt8]) async throws {
        try await write { db in try await db.run(ConsoleSessionStatements.chooseConnection(connectionID, tokenHash: tokenHash), logger) }
    }

    public func endConsoleSession(tokenHash: [UInt8]) async throws {
        try await write { db in try await db.run(ConsoleSessionStatements.delete(tokenHash: tokenHash), logger) }
    }
}
