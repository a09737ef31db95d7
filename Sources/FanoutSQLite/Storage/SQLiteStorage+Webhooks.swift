import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: WebhookStore {
    public func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date, limit: Int
    ) async throws -> WebhookEndpoint? {
        try await write { db in
            // SQLite's one writer: the count cannot change before the insert.
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webhookEndpoint WHERE organizationId = ?", arguments: [organizationID]) ?? 0
            guard count < limit else { return nil }
            try db.execute(
                sql: "INSERT INTO webhookEndpoint (organizationId, url, events, secret, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [organizationID, url, events.map(\.rawValue).joined(separator: " "), secret.value, now])
            return WebhookEndpoint(
                id: db.lastInsertedRowID, organizationID: organizationID, url: url, events: events, secret: secret, createdAt: now)
        }
    }

    public func webhookEndpoints(organizationID: Int64) async throws -> [WebhookEndpoint] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhookEndpoint WHERE organizationId = ? ORDER BY id", arguments: [organizationID])
                .map(Self.webhookEndpoint)
        }
    }

    public func removeWebhookEndpoint(id: Int64, organizationID: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM webhookEndpoint WHERE id = ? AND organizationId = ?", arguments: [id, organizationID])
            return db.changesCount > 0
        }
    }

    public func enqueueWebhookEvent(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO webhookDelivery (endpointId, eventId, type, payload, nextAttemptAt, createdAt)
                    SELECT id, ?, ?, ?, ?, ? FROM webhookEndpoint WHERE id = ? AND organizationId = ?
                    """,
                arguments: [event.id, event.type.rawValue, Data(event.payload), now, now, endpointID, organizationID])
            return db.changesCount > 0
        }
    }

    public func webhookDeliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery>? {
        try await read { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM webhookEndpoint WHERE id = ? AND organizationId = ?)", arguments: [endpointID, organizationID]
            ) == true else { return nil }
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT id, eventId, type, attempts, lastStatus, nextAttemptAt, state, createdAt FROM webhookDelivery
                    WHERE endpointId = ? ORDER BY id DESC LIMIT ? OFFSET ?
                    """,
                arguments: [endpointID, page.limit + 1, page.offset])
            return Page(fetched: rows.map { row in
                WebhookDelivery(
                    id: row["id"], eventID: row["eventId"], type: WebhookEventType(rawValue: row["type"]) ?? .test, attempts: row["attempts"],
                    lastStatus: row["lastStatus"], nextAttemptAt: row["nextAttemptAt"],
                    state: WebhookDelivery.State(rawValue: row["state"]) ?? .pending, createdAt: row["createdAt"])
            }, limit: page.limit)
        }
    }

    public func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>, of scope: CreatorScope
    ) async throws -> [DueWebhookDelivery] {
        // The sender asks four times a second: only take SQLite's one writer when something is due.
        guard try await read({ db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM webhookDelivery WHERE state = 'pending' AND nextAttemptAt <= ?)", arguments: [now]) ?? false
        }) else { return [] }
        let (only, allBut) = Self.arguments(scope)
        return try await write { db in
            // Oldest first per endpoint, of endpoints still enabled.
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT * FROM (
                        SELECT d.id, d.endpointId, e.organizationId, e.url, e.secret, d.eventId, d.type, d.connectionId, d.subjectId,
                               d.fanId, d.payload, d.attempts,
                               ROW_NUMBER() OVER (PARTITION BY d.endpointId ORDER BY d.nextAttemptAt, d.id) AS rank
                        FROM webhookDelivery d JOIN webhookEndpoint e ON e.id = d.endpointId
                        WHERE d.state = 'pending' AND d.nextAttemptAt <= ?1 AND e.disabledAt IS NULL
                          AND d.endpointId NOT IN (SELECT value FROM json_each(?2))
                          AND CASE WHEN ?5 IS NOT NULL
                              THEN d.connectionId IN (SELECT id FROM connection WHERE creatorId = ?5)
                              ELSE d.connectionId IS NULL OR d.connectionId NOT IN (
                                  SELECT id FROM connection WHERE creatorId IN (SELECT value FROM json_each(?6))) END)
                    WHERE rank <= ?3 ORDER BY id LIMIT ?4
                    """,
                arguments: [now, "[\(busy.map(String.init).joined(separator: ","))]", perEndpoint, limit, only, allBut])
            let due = rows.compactMap { row -> DueWebhookDelivery? in
                guard let secret = WebhookSecret(row["secret"]), let type = WebhookEventType(rawValue: row["type"]) else { return nil }
                return DueWebhookDelivery(
                    id: row["id"], endpointID: row["endpointId"], organizationID: row["organizationId"], url: row["url"], secret: secret,
                    eventID: row["eventId"], type: type, connectionID: row["connectionId"], subjectID: row["subjectId"], fanID: row["fanId"],
                    payload: (row["payload"] as Data?).map { [UInt8]($0) }, attempts: row["attempts"])
            }
            for delivery in due {
                try db.execute(sql: "UPDATE webhookDelivery SET nextAttemptAt = ? WHERE id = ?", arguments: [leaseUntil, delivery.id])
            }
            return due
        }
    }

    public func recordWebhookAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome, at now: Date) async throws {
        try await write { db in
            let (state, next): (String, Date?) = switch outcome {
            case .delivered: ("delivered", nil)
            case .retry(let at): ("pending", at)
            case .failed, .endpointGone: ("failed", nil)
            }
            try db.execute(
                sql: "UPDATE webhookDelivery SET attempts = attempts + 1, lastStatus = ?, state = ?, nextAttemptAt = ? WHERE id = ?",
                arguments: [status, state, next, deliveryID])
            if outcome == .endpointGone {
                try db.execute(
                    sql: "UPDATE webhookEndpoint SET disabledAt = ? WHERE id = (SELECT endpointId FROM webhookDelivery WHERE id = ?)",
                    arguments: [now, deliveryID])
            }
        }
    }

    public func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE webhookDelivery SET payload = ? WHERE id = ? AND payload IS NULL", arguments: [Data(payload), deliveryID])
        }
    }

    /// An event caused by a write, in that write's transaction: a delivery
    /// to every enabled endpoint that takes its type, of every organization
    /// with a connection to the creator, once per such connection that holds
    /// the permission the event's subject needs (its body is rendered when sent).
    static func enqueueWebhookEvent(
        _ db: Database, type: WebhookEventType, creatorID: Int64, subjectID: Int64, fanID: Int64? = nil, at now: Date
    ) throws {
        // Permissions are stored space-separated; a comma is read as a space, as `Permission.parseList` does.
        try db.cachedStatement(sql: """
            INSERT INTO webhookDelivery (endpointId, eventId, type, connectionId, subjectId, fanId, nextAttemptAt, createdAt)
            SELECT e.id, 'msg_' || lower(hex(randomblob(12))), ?1, c.id, ?2, ?5, ?3, ?3
            FROM connection c JOIN webhookEndpoint e ON e.organizationId = c.organizationId
            WHERE c.creatorId = ?4 AND e.disabledAt IS NULL AND (e.events = '' OR instr(' ' || e.events || ' ', ' ' || ?1 || ' ') > 0)
              AND (?6 IS NULL OR instr(' ' || replace(c.permissions, ',', ' ') || ' ', ' ' || ?6 || ' ') > 0)
            """).execute(arguments: [type.rawValue, subjectID, now, creatorID, fanID, type.requiredPermission?.rawValue])
    }

    static func webhookEndpoint(_ row: Row) -> WebhookEndpoint {
        let events = (row["events"] as String).split(separator: " ").compactMap { WebhookEventType(rawValue: String($0)) }
        return WebhookEndpoint(
            id: row["id"], organizationID: row["organizationId"], url: row["url"], events: events,
            secret: WebhookSecret(row["secret"]) ?? .generate(), createdAt: row["createdAt"], disabledAt: row["disabledAt"])
    }
}
