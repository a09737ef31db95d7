import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: WebhookStore {
    public func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date, limit: Int
    ) async throws -> WebhookEndpoint? {
        try await write { db in
            // SQLite's one writer: the count cannot change before the insert.
            let count = try db.value(Int.self, WebhookStatements.countEndpoints(organizationID: organizationID)) ?? 0
            guard count < limit else { return nil }
            let id = try db.value(
                Int64.self, WebhookStatements.insertEndpoint(organizationID: organizationID, url: url, events: events, secret: secret, at: now))!
            return WebhookEndpoint(
                id: id, organizationID: organizationID, url: url, events: events, secret: secret, createdAt: now)
        }
    }

    public func webhookEndpoints(organizationID: Int64) async throws -> [WebhookEndpoint] {
        try await read { db in
            try db.run(WebhookStatements.endpoints(organizationID: organizationID)).map(Self.webhookEndpoint)
        }
    }

    public func removeWebhookEndpoint(id: Int64, organizationID: Int64) async throws -> Bool {
        try await write { db in try !db.run(WebhookStatements.deleteEndpoint(id: id, organizationID: organizationID)).isEmpty }
    }

    public func enqueueWebhookEvent(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try !db.run(WebhookStatements.enqueue(event, endpointID: endpointID, organizationID: organizationID, at: now)).isEmpty
        }
    }

    public func webhookDeliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery>? {
        try await read { db in
            guard try db.value(Bool.self, WebhookStatements.endpointExists(id: endpointID, organizationID: organizationID)) == true
            else { return nil }
            let rows = try db.run(WebhookStatements.deliveries(endpointID: endpointID, page: page))
            return Page(fetched: rows.map { row in
                WebhookDelivery(
                    id: row["id"], eventID: row["event_id"], type: WebhookEventType(rawValue: row["type"]) ?? .test, attempts: row["attempts"],
                    lastStatus: row["last_status"], nextAttemptAt: row["next_attempt_at"],
                    state: WebhookDelivery.State(rawValue: row["state"]) ?? .pending, createdAt: row["created_at"])
            }, limit: page.limit)
        }
    }

    public func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>, of scope: CreatorScope
    ) async throws -> [DueWebhookDelivery] {
        // The sender asks four times a second: only take SQLite's one writer when something is due.
        guard try await read({ db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM webhook_delivery WHERE state = 'pending' AND next_attempt_at <= ?)", arguments: [now]) ?? false
        }) else { return [] }
        let (only, allBut) = Self.arguments(scope)
        return try await write { db in
            // Oldest first per endpoint, of endpoints still enabled.
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT * FROM (
                        SELECT d.id, d.endpoint_id, e.organization_id, e.url, e.secret, d.event_id, d.type, d.connection_id, d.subject_id,
                               d.fan_id, d.payload, d.attempts,
                               ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.id) AS rank
                        FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                        WHERE d.state = 'pending' AND d.next_attempt_at <= ?1 AND e.disabled_at IS NULL
                          AND d.endpoint_id NOT IN (SELECT value FROM json_each(?2))
                          AND CASE WHEN ?5 IS NOT NULL
                              THEN d.connection_id IN (SELECT id FROM connection WHERE creator_id = ?5)
                              ELSE d.connection_id IS NULL OR d.connection_id NOT IN (
                                  SELECT id FROM connection WHERE creator_id IN (SELECT value FROM json_each(?6))) END)
                    WHERE rank <= ?3 ORDER BY id LIMIT ?4
                    """,
                arguments: [now, "[\(busy.map(String.init).joined(separator: ","))]", perEndpoint, limit, only, allBut])
            let due = rows.compactMap { row -> DueWebhookDelivery? in
                guard let secret = WebhookSecret(row["secret"]), let type = WebhookEventType(rawValue: row["type"]) else { return nil }
                return DueWebhookDelivery(
                    id: row["id"], endpointID: row["endpoint_id"], organizationID: row["organization_id"], url: row["url"], secret: secret,
                    eventID: row["event_id"], type: type, connectionID: row["connection_id"], subjectID: row["subject_id"], fanID: row["fan_id"],
                    payload: (row["payload"] as Data?).map { [UInt8]($0) }, attempts: row["attempts"])
            }
            for delivery in due {
                try db.execute(sql: "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?", arguments: [leaseUntil, delivery.id])
            }
            return due
        }
    }

    public func recordWebhookAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome, at now: Date) async throws {
        try await write { db in
            try db.execute(WebhookStatements.recordAttempt(deliveryID: deliveryID, status: status, outcome: outcome))
            if outcome == .endpointGone { try db.execute(WebhookStatements.disableEndpoint(ofDelivery: deliveryID, at: now)) }
        }
    }

    public func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws {
        try await write { db in try db.execute(WebhookStatements.savePayload(deliveryID: deliveryID, payload: payload)) }
    }

    static func webhookEndpoint(_ row: Row) -> WebhookEndpoint {
        let events = (row["events"] as String).split(separator: " ").compactMap { WebhookEventType(rawValue: String($0)) }
        return WebhookEndpoint(
            id: row["id"], organizationID: row["organization_id"], url: row["url"], events: events,
            secret: WebhookSecret(row["secret"]) ?? .generate(), createdAt: row["created_at"], disabledAt: row["disabled_at"])
    }
}
