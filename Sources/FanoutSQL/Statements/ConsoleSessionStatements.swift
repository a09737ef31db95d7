import FanoutCore
import Foundation

/// The console's session statements; the same text on both engines.
public enum ConsoleSessionStatements {
    public static func deleteExpired(at now: Date) -> SQLStatement {
        SQLStatement("DELETE FROM console_session WHERE expires_at < ?", [.date(now)])
    }

    public static func insert(_ session: ConsoleSession) -> SQLStatement {
        SQLStatement("""
            INSERT INTO console_session (token_hash, organization_id, connection_id, csrf_token, expires_at, api_key_lookup_id, api_key_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [
                .blob(session.tokenHash), .integer(session.organizationID), SQLValue(session.connectionID), .text(session.csrfToken),
                .date(session.expiresAt), SQLValue(session.apiKeyLookupID), SQLValue(session.apiKeyHash),
            ])
    }

    /// The unexpired session: organization id, connection id, CSRF token,
    /// expiry, API key lookup id, API key hash.
    public static func select(tokenHash: [UInt8], at now: Date) -> SQLStatement {
        SQLStatement("""
            SELECT organization_id, connection_id, csrf_token, expires_at, api_key_lookup_id, api_key_hash FROM console_session
            WHERE token_hash = ? AND expires_at >= ?
            """, [.blob(tokenHash), .date(now)])
    }

    public static func chooseConnection(_ connectionID: String, tokenHash: [UInt8]) -> SQLStatement {
        SQLStatement("UPDATE console_session SET connection_id = ? WHERE token_hash = ?", [.text(connectionID), .blob(tokenHash)])
    }

    public static func delete(tokenHash: [UInt8]) -> SQLStatement {
        SQLStatement("DELETE FROM console_session WHERE token_hash = ?", [.blob(tokenHash)])
    }
}
