import FanoutCore
import Foundation

/// Webhook endpoints and deliveries: the statements whose text is the same
/// on both engines (claiming due deliveries differs: PostgreSQL skips
/// locked rows, SQLite has one writer).
public enum WebhookStatements {
    /// The columns an endpoint is read from, in this order.
    public static let endpointColumns = "id, organization_id, url, events, secret, created_at, disabled_at"

    public static func countEndpoints(organizationID: Int64) -> SQLStatement {
        SQLStatement("SELECT COUNT(*) FROM webhook_endpoint WHERE organization_id = ?", [.integer(organizationID)])
    }

    /// A new endpoint, its events as one space-separated text; returns its id.
    public static func insertEndpoint(
        organizationID: Int64, url: String, events: [WebhookEventType], secret: WebhookSecret, at now: Date
    ) -> SQLStatement {
        SQLStatement(
            "INSERT INTO webhook_endpoint (organization_id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
            [.integer(organizationID), .text(url), .text(events.map(\.rawValue).joined(separator: " ")), .text(secret.value), .date(now)])
    }

    public static func endpoints(organizationID: Int64) -> SQLStatement {
        SQLStatement("SELECT \(endpointColumns) FROM webhook_endpoint WHERE organization_id = ? ORDER BY id", [.integer(organizationID)])
    }

    /// A row when the endpoint was removed.
    public static func deleteEndpoint(id: Int64, organizationID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM webhook_endpoint WHERE id = ? AND organization_id = ? RETURNING 1", [.integer(id), .integer(organizationID)])
    }

    public static func endpointExists(id: Int64, organizationID: Int64) -> SQLStatement {
        SQLStatement(
            "SELECT EXISTS (SELECT 1 FROM webhook_endpoint WHERE id = ? AND organization_id = ?)", [.integer(id), .integer(organizationID)])
    }

    /// Queues `event` for the organization's endpoint; a row when it is theirs.
    public static func enqueue(_ event: WebhookEvent, endpointID: Int64, organizationID: Int64, at now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO webhook_delivery (endpoint_id, event_id, type, payload, next_attempt_at, created_at)
            SELECT id, ?, ?, ?, ?, ? FROM webhook_endpoint WHERE id = ? AND organization_id = ?
            RETURNING 1
            """, [
                .text(event.id), .text(event.type.rawValue), .blob(event.payload), .date(now), .date(now),
                .integer(endpointID), .integer(organizationID),
            ])
    }

    /// A page of the endpoint's deliveries, newest first (one more than the
    /// page): id, event id, type, attempts, last status, next attempt, state, created at.
    public static func deliveries(endpointID: Int64, page: PageRequest) -> SQLStatement {
        SQLStatement("""
            SELECT id, event_id, type, attempts, last_status, next_attempt_at, state, created_at FROM webhook_delivery
            WHERE endpoint_id = ? ORDER BY id DESC LIMIT ? OFFSET ?
            """, [.integer(endpointID), .integer(Int64(page.limit) + 1), .integer(Int64(page.offset))])
    }

    /// Counts an attempt and what it leaves the delivery as.
    public static func recordAttempt(deliveryID: Int64, status: Int?, outcome: WebhookAttemptOutcome) -> SQLStatement {
        let (state, next): (String, Date?) = switch outcome {
        case .delivered: ("delivered", nil)
        case .retry(let at): ("pending", at)
        case .failed, .endpointGone: ("failed", nil)
        }
        return SQLStatement(
            "UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, state = ?, next_attempt_at = ? WHERE id = ?",
            [SQLValue(status.map(Int64.init)), .text(state), SQLValue(next), .integer(deliveryID)])
    }

    /// Disables the endpoint of the delivery (its receiver is gone).
    public static func disableEndpoint(ofDelivery deliveryID: Int64, at now: Date) -> SQLStatement {
        SQLStatement(
            "UPDATE webhook_endpoint SET disabled_at = ? WHERE id = (SELECT endpoint_id FROM webhook_delivery WHERE id = ?)",
            [.date(now), .integer(deliveryID)])
    }

    /// Keeps the payload first sent, so a retry sends the same bytes.
    public static func savePayload(deliveryID: Int64, payload: [UInt8]) -> SQLStatement {
        SQLStatement("UPDATE webhook_delivery SET payload = ? WHERE id = ? AND payload IS NULL", [.blob(payload), .integer(deliveryID)])
    }
}
