import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: AnalyticsStore {
    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await read(bounded: Self.isShallow(page)) { db in
            // Walks the partial index massMessage_purchased.
            let messages = try MassMessageRow.fetchAll(
                db,
                media: media,
                where: "WHERE creator_id = ? AND purchased_count > 0 ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: [creatorID, page.limit + 1, page.offset])
            return Page(fetched: messages, limit: page.limit)
        }
    }

    public func sentMassMessages(creatorID: Int64, from: Date, to: Date, limit: Int) async throws -> Page<MassMessage> {
        try await read { db in
            let messages = try MassMessageRow.fetchAll(
                db,
                media: media,
                where: """
                    WHERE creator_id = ? AND sent_at >= ? AND sent_at < ? AND state IN ('sent', 'canceled')
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [creatorID, from, to, limit + 1])
            return Page(fetched: messages, limit: limit)
        }
    }

    public func dailyActivity(creatorID: Int64, kind: ActivityKind, days: ClosedRange<String>) async throws -> [String: (count: Int, grossCents: Int64)] {
        try await read { db in
            var result: [String: (count: Int, grossCents: Int64)] = [:]
            for row in try db.run(AnalyticsStatements.dailyActivity(creatorID: creatorID, kind: kind, days: days)) {
                result[row["day"]] = (row["count"], row["gross_cents"])
            }
            return result
        }
    }

    public func buyers(massMessageID: Int64, before marker: Int64?, page: PageRequest) async throws -> Page<(marker: Int64, user: UserProfile)> {
        try await read { db in
            let rows = try db.run(AnalyticsStatements.buyers(massMessageID: massMessageID, before: marker, page: page))
            return Page(fetched: rows.map { (marker: $0["purchase_id"] as Int64, user: Self.profile($0)) }, limit: page.limit)
        }
    }

    public func purchase(id: Int64, creatorID: Int64) async throws -> Purchase? {
        try await read { db in
            try db.run(AnalyticsStatements.purchase(id: id, creatorID: creatorID)).first.map { row in
                Purchase(
                    id: id, messageID: row["message_id"], massMessageID: row["mass_message_id"], fan: Self.profile(row),
                    amount: Money(cents: row["amount_cents"]), createdAt: row["purchased_at"])
            }
        }
    }
}
