import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: WebhookStore {
    static let endpointColumns = "id, organization_id, url, events, secret, created_at, disabled_at"

    public func addWebhookEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date, limit: Int
    ) async throws -> WebhookEndpoint? {
        try await write { db in
            // The organization's row locked first: concurrent registrations count one after the other.
            _ = try await db.run("SELECT 1 FROM organization WHERE id = \(organizationID) FOR UPDATE", logger)
            let count = try await db.value(Int64.self, "SELECT COUNT(*) FROM webhook_endpoint WHERE organization_id = \(organizationID)", logger) ?? 0
            guard count < Int64(limit) else { return nil }
            let id = try await db.value(Int64.self, """
                INSERT INTO webhook_endpoint (organization_id, url, events, secret, created_at)
                VALUES (\(organizationID), \(url), \(events.map(\.rawValue).joined(separator: " ")), \(secret.value), \(now)) RETURNING id
                """, logger)!
            return WebhookEndpoint(id: id, organizationID: organizationID, url: url, events: events, secret: secret, createdAt: now)
        }
    }

    public func webhookEndpoints(organizationID: Int64) async throws -> [WebhookEndpoint] {
        try await read { db in
            try await db.rows(
                "SELECT \(unescaped: Self.endpointColumns) FROM webhook_endpoint WHERE organization_id = \(organizationID) ORDER BY id", logger
            ).map(Self.webhookEndpoint)
        }
    }

    public func removeWebhookEndpoint(id: Int64, organizationID: Int64) async throws -> Bool {
        try await write { db in
            try await db.run(
                "DELETE FROM webhook_endpoint WHERE id = \(id) AND organization_id = \(organizationID) RETURNING 1", logger) > 0
        }
    }

    public func enqueueWebhookEvent(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await db.run("""
                INSERT INTO webhook_delivery (endpoint_id, event_id, type, payload, next_attempt_at, created_at)
                SELECT id, \(event.id), \(event.type.rawValue), \(ByteBuffer(bytes: event.payload)), \(now), \(now)
                FROM webhook_endpoint WHERE id = \(endpointID) AND organization_id = \(organizationID)
                RETURNING 1
                """, logger) > 0
        }
    }

    public func webhookDeliveries(endpointID: Int64, organizationID: Int64, page: PageRequest) async throws -> Page<WebhookDelivery>? {
        try await snapshot { db in
            guard try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM webhook_endpoint WHERE id = \(endpointID) AND organization_id = \(organizationID))
                """, logger) == true else { return nil }
            let rows = try await db.rows("""
                SELECT id, event_id, type, attempts, last_status, next_attempt_at, state, created_at FROM webhook_delivery
                WHERE endpoint_id = \(endpointID) ORDER BY id DESC LIMIT \(page.limit + 1) OFFSET \(page.offset)
                """, logger)
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
                picked AS (
                    SELECT d.id FROM webhook_delivery d JOIN ranked r ON r.id = d.id
                    WHERE r.rank <= \(perEndpoint) ORDER BY d.id LIMIT \(limit) FOR UPDATE OF d SKIP LOCKED)
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
        let (state, next): (String, Date?) = switch outcome {
        case .delivered: ("delivered", nil)
        case .retry(let at): ("pending", at)
        case .failed, .endpointGone: ("failed", nil)
        }
        try await write { db in
            try await db.run("""
                UPDATE webhook_delivery SET attempts = attempts + 1, last_status = \(status), state = \(state), next_attempt_at = \(next)
                WHERE id = \(deliveryID)
                """, logger)
            if outcome == .endpointGone {
                try await db.run("""
                    UPDATE webhook_endpoint SET disabled_at = \(now) WHERE id = (SELECT endpoint_id FROM webhook_delivery WHERE id = \(deliveryID))
                    """, logger)
            }
        }
    }

    public func saveWebhookPayload(deliveryID: Int64, payload: [UInt8]) async throws {
        try await write { db in
            try await db.run(
                "UPDATE webhook_delivery SET payload = \(ByteBuffer(bytes: payload)) WHERE id = \(deliveryID) AND payload IS NULL", logger)
        }
    }

    /// An event caused by a write, in that write's transaction: a delivery
    /// to every enabled endpoint that takes its type, of every organization
    /// with a connection to the creator, once per such connection that holds
    /// the permission the event's subject needs (its body is rendered when sent).
    static func enqueueWebhookEvent(
        _ db: PostgresConnection, type: WebhookEventType, creatorID: Int64, subjectID: Int64, fanID: Int64? = nil, at now: Date, logger: Logger
    ) async throws {
        // Permissions are stored space-separated; a comma is read as a space, as `Permission.parseList` does.
        let permission = type.requiredPermission?.rawValue
        try await db.run("""
            INSERT INTO webhook_delivery (endpoint_id, event_id, type, connection_id, subject_id, fan_id, next_attempt_at, created_at)
            SELECT e.id, 'msg_' || substr(md5(random()::text || clock_timestamp()::text || e.id::text), 1, 24), \(type.rawValue), c.id,
                   \(subjectID), \(fanID), \(now), \(now)
            FROM connection c JOIN webhook_endpoint e ON e.organization_id = c.organization_id
            WHERE c.creator_id = \(creatorID) AND e.disabled_at IS NULL
              AND (e.events = '' OR strpos(' ' || e.events || ' ', ' ' || \(type.rawValue) || ' ') > 0)
              AND (\(permission)::text IS NULL OR strpos(' ' || replace(c.permissions, ',', ' ') || ' ', ' ' || \(permission) || ' ') > 0)
            """, logger)
    }

    static func webhookEndpoint(_ row: PostgresRow) throws -> WebhookEndpoint {
        let (id, organizationID, url, events, secret, createdAt, disabledAt) =
            try row.decode((Int64, Int64, String, String, String, Date, Date?).self)
        return WebhookEndpoint(
            id: id, organizationID: organizationID, url: url, events: events.split(separator: " ").compactMap { WebhookEventType(rawValue: String($0)) },
            secret: WebhookSecret(secret) ?? .generate(), createdAt: createdAt, disabledAt: disabledAt)
    }
}
