import FanoutCore
import Foundation

extension WriteEffect {
    /// The statements that apply this effect, in order, on either engine.
    public func statements(_ dialect: SQLDialect) -> [SQLStatement] {
        switch self {
        case .chat(let change):
            change.statement(dialect).map { [$0] } ?? []
        case .raise(let counter, let massMessageID):
            [SQLStatement("UPDATE mass_message SET \(counter.column) = \(counter.column) + 1 WHERE id = ?", [.integer(massMessageID)])]
        case .tally(let creatorID, let kind, let day, let count, let grossCents):
            [SQLStatement("""
                INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (creator_id, kind, day) DO UPDATE
                SET count = daily_activity.count + excluded.count, gross_cents = daily_activity.gross_cents + excluded.gross_cents
                """, [.integer(creatorID), .text(kind.rawValue), .text(day), .integer(count), .integer(grossCents)])]
        case .event(let type, let creatorID, let subjectID, let fanID, let date):
            [Self.enqueue(type, creatorID: creatorID, subjectID: subjectID, fanID: fanID, at: date, dialect)]
        case .withdrawUnbought(let massMessageID, let creatorID):
            Self.withdrawUnbought(massMessageID: massMessageID, creatorID: creatorID)
        case .earn(let creatorID, let fanID, let kind, let sourceID, let amountCents, let date):
            [EarningStatements.record(creatorID: creatorID, fanID: fanID, kind: kind, sourceID: sourceID, amountCents: amountCents, at: date)]
        case .connectionEvent(let type, let connectionID, let organizationID, let creatorID, let date):
            [Self.enqueue(type, connectionID: connectionID, organizationID: organizationID, creatorID: creatorID, at: date, dialect)]
        }
    }

    /// A delivery to every enabled endpoint of the organization that takes
    /// the type: about the connection, its creator kept as the subject.
    private static func enqueue(
        _ type: WebhookEventType, connectionID: String, organizationID: Int64, creatorID: Int64, at date: Date, _ dialect: SQLDialect
    ) -> SQLStatement {
        SQLStatement("""
            INSERT INTO webhook_delivery (endpoint_id, event_id, type, connection_id, subject_id, next_attempt_at, created_at)
            SELECT e.id, \(dialect.newEventID), ?1, ?2, ?3, ?4, ?4
            FROM webhook_endpoint e
            WHERE e.organization_id = ?5 AND e.disabled_at IS NULL
              AND (e.events = '' OR \(dialect.position(of: "' ' || ?1 || ' '", in: "' ' || e.events || ' '")) > 0)
            """, [.text(type.rawValue), .text(connectionID), .integer(creatorID), .date(date), .integer(organizationID)])
    }

    /// A delivery to every enabled endpoint that takes the type, of every
    /// organization with an active connection to the creator (an invalidated
    /// one is logged out: it hears nothing more), once per such
    /// connection that holds the permission the event's subject needs (its
    /// body is rendered when sent). Permissions are stored space-separated; a
    /// comma is read as a space, as `Permission.parseList` does.
    private static func enqueue(
        _ type: WebhookEventType, creatorID: Int64, subjectID: Int64, fanID: Int64?, at date: Date, _ dialect: SQLDialect
    ) -> SQLStatement {
        let permitted = type.requiredPermission.map { _ in
            " AND \(dialect.position(of: "' ' || ?6 || ' '", in: "' ' || replace(c.permissions, ',', ' ') || ' '")) > 0"
        } ?? ""
        var arguments: [SQLValue] = [.text(type.rawValue), .integer(subjectID), .date(date), .integer(creatorID), SQLValue(fanID)]
        if let permission = type.requiredPermission { arguments.append(.text(permission.rawValue)) }
        return SQLStatement("""
            INSERT INTO webhook_delivery (endpoint_id, event_id, type, connection_id, subject_id, fan_id, next_attempt_at, created_at)
            SELECT e.id, \(dialect.newEventID), ?1, c.id, ?2, ?5, ?3, ?3
            FROM connection c JOIN webhook_endpoint e ON e.organization_id = c.organization_id
            WHERE c.creator_id = ?4 AND c.status = 'active' AND e.disabled_at IS NULL
              AND (e.events = '' OR \(dialect.position(of: "' ' || ?1 || ' '", in: "' ' || e.events || ' '")) > 0)\(permitted)
            """, arguments)
    }

    /// Chats showing an unbought delivery of the mass message fall back to
    /// their newest other message; then the unbought messages it became and
    /// the deliveries nobody acted on (between the first and last ids the
    /// fan-out used for it) go.
    private static func withdrawUnbought(massMessageID: Int64, creatorID: Int64) -> [SQLStatement] {
        let id = SQLValue.integer(massMessageID), creator = SQLValue.integer(creatorID)
        return [
            SQLStatement("""
                UPDATE chat SET last_message_id = (
                    SELECT MAX(m.id) FROM message m
                    WHERE m.chat_id = chat.id AND NOT (COALESCE(m.mass_message_id, 0) = ?1 AND m.purchased_at IS NULL))
                WHERE creator_id = ?2 AND last_message_id IN (
                    SELECT id FROM message WHERE mass_message_id = ?1 AND purchased_at IS NULL)
                """, [id, creator]),
            SQLStatement("DELETE FROM message WHERE mass_message_id = ? AND purchased_at IS NULL", [id]),
            SQLStatement("""
                DELETE FROM mass_delivery
                WHERE creator_id = ?1 AND message_id BETWEEN
                    (SELECT first_delivery_id FROM mass_message WHERE id = ?2) AND (SELECT last_delivery_id FROM mass_message WHERE id = ?2)
                  AND mass_message_id = ?2
                """, [creator, id]),
        ]
    }
}

extension MassMessageCounter {
    var column: String {
        switch self {
        case .viewed: "viewed_count"
        case .purchased: "purchased_count"
        }
    }
}

extension ChatSummaryChange {
    /// One `UPDATE chat` setting only what moves; nil when nothing does.
    func statement(_ dialect: SQLDialect) -> SQLStatement? {
        var assignments: [String] = [], arguments: [SQLValue] = []
        switch lastMessage {
        case .newest(let id)?:
            assignments.append("last_message_id = ?")
            arguments.append(.integer(id))
        case .atLeast(let id)?:
            assignments.append("last_message_id = \(dialect.greatest)(COALESCE(last_message_id, 0), ?)")
            arguments.append(.integer(id))
        case .newestRemaining?:
            assignments.append("last_message_id = (SELECT MAX(id) FROM message WHERE chat_id = chat.id)")
        case nil:
            break
        }
        for (column, amount) in [("unread_count", unread), ("tips_cents", tipsCents), ("spent_cents", spentCents)] where amount != 0 {
            assignments.append("\(column) = \(column) + ?")
            arguments.append(.integer(amount))
        }
        if unreadTip { assignments.append("has_unread_tips = ?"); arguments.append(.bool(true)) }
        guard !assignments.isEmpty else { return nil }
        return SQLStatement("UPDATE chat SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments + [.integer(chatID)])
    }
}
