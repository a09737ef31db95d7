import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: AnalyticsStore {
    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await read(bounded: Self.isShallow(page)) { db in
            // Walks the partial index massMessage_purchased.
            let messages = try MassMessageRow.fetchAll(
                db,
                media: media,
                where: "WHERE creatorId = ? AND purchasedCount > 0 ORDER BY id DESC LIMIT ? OFFSET ?",
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
                    WHERE creatorId = ? AND sentAt >= ? AND sentAt < ? AND state IN ('sent', 'canceled')
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [creatorID, from, to, limit + 1])
            return Page(fetched: messages, limit: limit)
        }
    }

    public func dailyActivity(creatorID: Int64, kind: ActivityKind, days: ClosedRange<String>) async throws -> [String: (count: Int, grossCents: Int64)] {
        try await read { db in
            var result: [String: (count: Int, grossCents: Int64)] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT day, count, grossCents FROM dailyActivity WHERE creatorId = ? AND kind = ? AND day BETWEEN ? AND ?",
                arguments: [creatorID, kind.rawValue, days.lowerBound, days.upperBound]) {
                result[row["day"]] = (row["count"], row["grossCents"])
            }
            return result
        }
    }

    public func buyers(massMessageID: Int64, before marker: Int64?, page: PageRequest) async throws -> Page<(marker: Int64, user: UserProfile)> {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT p.id AS purchaseId, u.* FROM purchase p JOIN user u ON u.id = p.fanId
                    WHERE p.massMessageId = ? AND p.id < ? ORDER BY p.id DESC LIMIT ? OFFSET ?
                    """,
                arguments: [massMessageID, marker ?? .max, page.limit + 1, page.offset])
            return Page(fetched: rows.map { (marker: $0["purchaseId"] as Int64, user: Self.profile($0)) }, limit: page.limit)
        }
    }

    public func purchase(id: Int64, creatorID: Int64) async throws -> Purchase? {
        try await read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT p.id AS purchaseId, p.messageId, p.massMessageId, p.amountCents, p.createdAt AS purchasedAt, u.*
                    FROM purchase p JOIN user u ON u.id = p.fanId WHERE p.id = ? AND p.creatorId = ?
                    """,
                arguments: [id, creatorID]
            ).map { row in
                Purchase(
                    id: row["purchaseId"], messageID: row["messageId"], massMessageID: row["massMessageId"], fan: Self.profile(row),
                    amount: Money(cents: row["amountCents"]), createdAt: row["purchasedAt"])
            }
        }
    }
}
