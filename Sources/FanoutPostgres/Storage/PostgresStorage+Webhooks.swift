import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: WebhookStore {
    public func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date, limit: Int
    ) async throws -> WebhookEndpoint? {
        try await write { db in
            // The organization's row locked first: concurrent registrations count one after the other.
            _ = try await db.run("SELECT 1 FROM organization WHERE id = \(organizationID) FOR UPDATE", logger)
            let count = try await db.value(Int64.self, WebhookStatements.countEndpoints(organizationID: organizationID), logger) ?? 0
            guard count < Int64(limit) else { return nil }
            let id = try await db.value(
                Int64.self, WebhookStatements.insertEndpoint(organizationID: organizationID, url: url, events: events, secret: secret, at: now),
                logger)!
            return WebhookEndpoint(id: id, organizationID: organizationID, url: url, events: events, secret: secret, createdAt: now)
        }
    }

    public func webhookEndpoints(organizationID: Int64) async throws -> [WebhookEndpoint] {
        try await read { db in
            try await db.rows(WebhookStatements.endpoints(organizationID: organizationID), logger).map(Self.webhookEndpoint)
        }
    }

    public func removeWebhookEndpoint(id: Int64, organizationID: Int64) async throws -> Bool {
        try await write { db in
            try await db.run(WebhookStatements.deleteEndpoint(id: id, organizationID: organizationID), logger) > 0
        }
    }

    public func enqueueWebhookEvent(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await db.run(WebhookStatements.enqueue(event, endpointID: endpointID, organizationID: organizationID, at: now), logger) > 0
        }
    }

    public func webhookDeliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery>? {
        try await snapshot { db in
            guard try await db.value(Bool.self, WebhookStatements.endpointExists(id: endpointID, organizationID: organizationID), logger) == true
            else { return nil }
            let rows = try await db.rows(WebhookStatements.deliveries(endpointID: endpointID, page: page), logger)
            return Page(fetched: try rows.map { row in
                let (id, eventID, type, attempts, lastStatus, next, state, createdAt) =
                    try row.decode((Int64, String, String, Int, Int?, Date?, String, Date).self)
                return WebhookDelivery(
                    id: id, eventID: eventID, type: WebhookEventType(rawValue: type) ?? .test, attempts: attempts, lastStatus: lastStatus,
                    nextAttemptAt: next, state: WebhookDelivery.State(rawValue: state) ?? .pending, createdAt: createdAt)
            }, limit: page.limit)
        }
    }

    /// Rows another instance holds are skipped; a claimed row's lease is
    /// its next attempt time, so a sender that dies leaves it to the others.
    public func claimDueWebhookDeliveries(
        at now: Date, leaseUntil: Date, perEndpoint: Int, limit: Int, excluding busy: Set<Int64>, of scope: CreatorScope
    ) async throws -> [DueWebhookDelivery] {
        let (only, allBut) = Self.arguments(scope)
        return try await write { db in
            let rows = try await db.rows("""
                WITH ranked AS (
                    SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.id) AS rank
                    FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                    WHERE d.state = 'pending' AND d.next_attempt_at <= \(now) AND e.disabled_at IS NULL
                      AND NOT (d.endpoint_id = ANY(\(Array(busy))))
                      AND CASE WHEN \(only)::bigint IS NOT NULL
                          THEN d.connection_id IN (SELECT id FROM connection WHERE creator_id = \(only))
                          ELSE d.connection_id IS NULL OR d.connection_id NOT IN (
                              SELECT id FROM connection WHERE creator_id = ANY(\(allBut))) END),
                -- Due and pending again where the row is locked: a row another
                -- sender claimed and committed after this statement's snapshot
                -- is re-read at the lock, and only these conditions are checked
                -- again there (not `ranked`'s), so without them it was sent twice.
                picked AS (
                    SELECT d.id FROM webhook_delivery d JOIN ranked r ON r.id = d.id
                    WHERE r.rank <= \(perEndpoint) AND d.state = 'pending' AND d.next_attempt_at <= \(now)
                    ORDER BY d.id LIMIT \(limit) FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d SET next_attempt_at = \(leaseUntil)
                FROM picked, webhook_endpoint e
                WHERE d.id = picked.id AND e.id = d.endpoint_id
                RETURNING d.id, d.endpoint_id, e.organization_id, e.url, e.secret, d.event_id, d.type, d.connection_id, d.subject_id,
                          d.fan_id, d.payload, d.attempts
                """, logger)
            return try rows.compactMap { row in
                let (id, endpointID, organizationID, url, secret, eventID, type, connectionID, subjectID, fanID, payload, attempts) =
                    try row.decode((Int64, Int64, Int64, String, String, String, String, String?, Int64?, Int64?, ByteBuffer?, Int).self)
                guard let secret = WebhookSecret(secret), let type = WebhookEventType(rawValue: type) else { return nil }
                return DueWebhookDelivery(
                    id: id, endpointID: endpointID, organizationID: organizationID, url: url, secret: secret, eventID: eventID, type: type,
                    connectionID: connectionID, subjectID: subjectID, fanID: fanID, payload: payload.map { Array(buffer: $0) }, attempts: attempts)
            }.sorted { $0.id < $1.id }
        }
    }

    public func recordWebhookAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome, at now: Date) async throws {
        try await write { db in
            try await db.run(WebhookStatements.recordAttempt(deliveryID: deliveryID, status: status, outcome: outcome), logger)
            if outcome == .endpointGone { try await db.run(WebhookStatements.disableEndpoint(ofDelivery: deliveryID, at: now), logger) }
        }
    }

    public func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws {
        try await write { db in
            try await db.run(WebhookStatements.savePayload(deliveryID: deliveryID, payload: payload), logger)
        }
    }

    static func webhookEndpoint(_ row: PostgresRow) throws -> WebhookEndpoint {
        let (id, organizationID, url, events, secret, createdAt, disabledAt) =
            try row.decode((Int64, Int64, String, String, String, Date, Date?).self)
        return WebhookEndpoint(
            id: id, organizationID: organizationID, url: url, events: events.split(separator: " ").compactMap { WebhookEventType(rawValue: String($0)) },
            secret: WebhookSecret(secret) ?? .generate(), createdAt: createdAt, disabledAt: disabledAt)
    }
}
