import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: ConsoleSessionStore {
    public func startConsoleSession(_ session: ConsoleSession, at now: Date) async throws {
        try await write { db in
            try db.execute(ConsoleSessionStatements.deleteExpired(at: now))
            try db.execute(ConsoleSessionStatements.insert(session))
        }
    }

    public func consoleSession(tokenHash: [UInt8], at now: Date) async throws -> ConsoleSession? {
        try await read { db in
            try db.run(ConsoleSessionStatements.select(tokenHash: tokenHash, at: now)).first.map { row in
                ConsoleSession(
                    tokenHash: tokenHash, organizationID: row[0], connectionID: row[1], csrfToken: row[2], expiresAt: row[3],
                    apiKeyLookupID: row[4], apiKeyHash: (row[5] as Data?).map { Array($0) })
            }
        }
    }

    public func chooseConsoleConnection(_ connectionID: String, tokenHash: [UInt8]) async throws {
        try await write { db in try db.execute(ConsoleSessionStatements.chooseConnection(connectionID, tokenHash: tokenHash)) }
    }

    public func endConsoleSession(tokenHash: [UInt8]) async throws {
        try await write { db in try db.execute(ConsoleSessionStatements.delete(tokenHash: tokenHash)) }
    }
}
