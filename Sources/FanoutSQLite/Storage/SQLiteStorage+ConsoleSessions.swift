import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: ConsoleSessionStore {
    public func startConsoleSession(_ session: ConsoleSession, at now: Date) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM consoleSession WHERE expiresAt < ?", arguments: [now])
            try db.execute(
                sql: """
                    INSERT INTO consoleSession (tokenHash, organizationId, connectionId, csrfToken, expiresAt, apiKeyLookupId, apiKeyHash)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Data(session.tokenHash), session.organizationID, session.connectionID, session.csrfToken, session.expiresAt,
                    session.apiKeyLookupID, session.apiKeyHash.map { Data($0) },
                ])
        }
    }

    public func consoleSession(tokenHash: [UInt8], at now: Date) async throws -> ConsoleSession? {
        try await read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT organizationId, connectionId, csrfToken, expiresAt, apiKeyLookupId, apiKeyHash FROM consoleSession
                    WHERE tokenHash = ? AND expiresAt >= ?
                    """,
                arguments: [Data(tokenHash), now]
            ).map { row in
                ConsoleSession(
                    tokenHash: tokenHash, organizationID: row[0], connectionID: row[1], csrfToken: row[2], expiresAt: row[3],
                    apiKeyLookupID: row[4], apiKeyHash: (row[5] as Data?).map { Array($0) })
            }
        }
    }

    public func chooseConsoleConnection(_ connectionID: String, tokenHash: [UInt8]) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE consoleSession SET connectionId = ? WHERE tokenHash = ?", arguments: [connectionID, Data(tokenHash)])
        }
    }

    public func endConsoleSession(tokenHash: [UInt8]) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM consoleSession WHERE tokenHash = ?", arguments: [Data(tokenHash)])
        }
    }
}
