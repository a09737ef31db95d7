import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: IdempotencyStore {
    public func beginIdempotentRequest(
        connectionID: String, key: IdempotencyKey, fingerprint: [UInt8], at now: Date
    ) async throws -> IdempotencyBegin {
        // The writer is serial: reading and taking the key is one step for every request.
        try await pool.write { db in
            if let row = try db.run(IdempotencyStatements.select(connectionID: connectionID, key: key)).first,
                let verdict = Self.record(row).verdict(fingerprint: fingerprint, at: now)
            {
                return verdict
            }
            let claim = IdempotencyClaim(connectionID: connectionID, key: key, token: UUID().uuidString)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO idempotency_key (connection_id, key, fingerprint, token, taken_at, written)
                    VALUES (?, ?, ?, ?, ?, 0)
                    """,
                arguments: [connectionID, key.value, Data(fingerprint), claim.token, now])
            return .proceed(claim)
        }
    }

    public func finishIdempotentRequest(_ claim: IdempotencyClaim, response: StoredResponse) async throws {
        try await pool.write { db in try db.execute(IdempotencyStatements.finish(claim, response: response)) }
    }

    public func releaseIdempotentRequest(_ claim: IdempotencyClaim) async throws -> Bool {
        try await pool.write { db in try !db.run(IdempotencyStatements.release(claim)).isEmpty }
    }

    public func purgeIdempotencyKeys(takenBefore date: Date) async throws -> Int {
        try await pool.write { db in try db.run(IdempotencyStatements.purge(takenBefore: date)).count }
    }

    /// Marks the key of `claim` written, in the caller's write transaction;
    /// throws (rolling the write back) when another attempt holds the key now.
    static func markWritten(_ db: Database, _ claim: IdempotencyClaim) throws {
        guard try db.run(IdempotencyStatements.markWritten(claim)).count == 1 else { throw FanoutError.idempotencyKeyInUse(IdempotencyClaim.lostMessage) }
    }

    private static func record(_ row: Row) -> IdempotencyRecord {
        let status: Int? = row["status"]
        let body: Data? = row["body"]
        return IdempotencyRecord(
            fingerprint: Array(row["fingerprint"] as Data), takenAt: row["taken_at"], written: row["written"],
            response: status.map { StoredResponse(status: $0, contentType: row["content_type"] ?? "application/json", body: Array(body ?? Data())) })
    }
}
