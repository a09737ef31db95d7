import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: IdempotencyStore {
    public func beginIdempotentRequest(
        connectionID: String, key: IdempotencyKey, fingerprint: [UInt8], at now: Date
    ) async throws -> IdempotencyBegin {
        // The writer is serial: reading and taking the key is one step for every request.
        try await pool.write { db in
            if let row = try Row.fetchOne(
                db, sql: """
                    SELECT fingerprint, takenAt, written, status, contentType, body FROM idempotencyKey
                    WHERE connectionId = ? AND key = ?
                    """,
                arguments: [connectionID, key.value]),
                let verdict = Self.record(row).verdict(fingerprint: fingerprint, at: now)
            {
                return verdict
            }
            let claim = IdempotencyClaim(connectionID: connectionID, key: key, token: UUID().uuidString)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO idempotencyKey (connectionId, key, fingerprint, token, takenAt, written)
                    VALUES (?, ?, ?, ?, ?, 0)
                    """,
                arguments: [connectionID, key.value, Data(fingerprint), claim.token, now])
            return .proceed(claim)
        }
    }

    public func finishIdempotentRequest(_ claim: IdempotencyClaim, response: StoredResponse) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE idempotencyKey SET status = ?, contentType = ?, body = ? WHERE connectionId = ? AND key = ? AND token = ?",
                arguments: [response.status, response.contentType, Data(response.body), claim.connectionID, claim.key.value, claim.token])
        }
    }

    public func releaseIdempotentRequest(_ claim: IdempotencyClaim) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM idempotencyKey WHERE connectionId = ? AND key = ? AND token = ? AND NOT written",
                arguments: [claim.connectionID, claim.key.value, claim.token])
            return db.changesCount > 0
        }
    }

    public func purgeIdempotencyKeys(takenBefore date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM idempotencyKey WHERE takenAt < ?", arguments: [date])
            return db.changesCount
        }
    }

    /// Marks the key of `claim` written, in the caller's write transaction;
    /// throws (rolling the write back) when another attempt holds the key now.
    static func markWritten(_ db: Database, _ claim: IdempotencyClaim) throws {
        try db.execute(
            sql: "UPDATE idempotencyKey SET written = 1 WHERE connectionId = ? AND key = ? AND token = ? AND status IS NULL",
            arguments: [claim.connectionID, claim.key.value, claim.token])
        guard db.changesCount == 1 else { throw FanoutError.idempotencyKeyInUse(IdempotencyClaim.lostMessage) }
    }

    private static func record(_ row: Row) -> IdempotencyRecord {
        let status: Int? = row["status"]
        let body: Data? = row["body"]
        return IdempotencyRecord(
            fingerprint: Array(row["fingerprint"] as Data), takenAt: row["takenAt"], written: row["written"],
            response: status.map { StoredResponse(status: $0, contentType: row["contentType"] ?? "application/json", body: Array(body ?? Data())) })
    }
}
