import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: ConsoleSessionStore {
    public func startConsoleSession(_ session: ConsoleSession, at now: Date) async throws {
        try await write { db in
            try await db.run("DELETE FROM console_session WHERE expires_at < \(now)", logger)
            try await db.run("""
                INSERT INTO console_session (token_hash, organization_id, connection_id, csrf_token, expires_at, api_key_lookup_id, api_key_hash)
                VALUES (\(ByteBuffer(bytes: session.tokenHash)), \(session.organizationID), \(session.connectionID), \(session.csrfToken),
                        \(session.expiresAt), \(session.apiKeyLookupID), \(session.apiKeyHash.map { ByteBuffer(bytes: $0) }))
                """, logger)
        }
    }

    public func consoleSession(tokenHash: [UInt8], at now: Date) async throws -> ConsoleSession? {
        try await read { db in
            guard let row = try await db.rows("""
                SELECT organization_id, connection_id, csrf_token, expires_at, api_key_lookup_id, api_key_hash FROM console_session
                WHERE token_hash = \(ByteBuffer(bytes: tokenHash)) AND expires_at >= \(now)
                """, logger).first
            else { return nil }
            let (organizationID, connectionID, csrfToken, expiresAt, lookupID, keyHash) =
                try row.decode((Int64, String?, String, Date, String?, ByteBuffer?).self)
            return ConsoleSession(
                tokenHash: tokenHash, organizationID: organizationID, connectionID: connectionID, csrfToken: csrfToken, expiresAt: expiresAt,
                apiKeyLookupID: lookupID, apiKeyHash: keyHash.map { Array($0.readableBytesView) })
        }
    }

    public func chooseConsoleConnection(_ connectionID: String, tokenHash: [UInt8]) async throws {
        try await write { db in
            try await db.run(
                "UPDATE console_session SET connection_id = \(connectionID) WHERE token_hash = \(ByteBuffer(bytes: tokenHash))", logger)
        }
    }

    public func endConsoleSession(tokenHash: [UInt8]) async throws {
        try await write { db in
            try await db.run("DELETE FROM console_session WHERE token_hash = \(ByteBuffer(bytes: tokenHash))", logger)
        }
    }
}
