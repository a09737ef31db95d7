import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: AnalyticsStore {
    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await read { db in
            // Walks the partial index mass_message_purchased.
            Page(
                fetched: try await PostgresMassMessageRow.fetchPage(db, media: media, PostgresMassMessageRow.Purchased.self, logger: logger) {
                    $0.append(creatorID); $0.append(page.limit + 1); $0.append(page.offset)
                },
                limit: page.limit)
        }
    }

    public func sentMassMessages(creatorID: Int64, from: Date, to: Date, limit: Int) async throws -> Page<MassMessage> {
        try await read { db in
            Page(
                fetched: try await PostgresMassMessageRow.fetchAll(
                    db, media: media,
                    tail: """
                        WHERE creator_id = \(creatorID) AND sent_at >= \(from) AND sent_at < \(to) AND state IN ('sent', 'canceled')
                        ORDER BY id DESC LIMIT \(limit + 1)
                        """,
                    logger: logger),
                limit: limit)
        }
    }

    public func dailyActivity(creatorID: Int64, kind: ActivityKind, days: ClosedRange<String>) async throws -> [String: (count: Int, grossCents: Int64)] {
        try await read { db in
            var result: [String: (count: Int, grossCents: Int64)] = [:]
            for row in try await db.rows(AnalyticsStatements.dailyActivity(creatorID: creatorID, kind: kind, days: days), logger) {
                let (day, count, gross) = try row.decode((String, Int, Int64).self)
                result[day] = (count, gross)
            }
            return result
        }
    }

    public func buyers(massMessageID: Int64, before marker: Int64?, page: PageRequest) async throws -> Page<(marker: Int64, user: UserProfile)> {
        try await read { db in
            let rows = try await db.rows(AnalyticsStatements.buyers(massMessageID: massMessageID, before: marker, page: page), logger)
            return Page(
                fetched: try rows.map { row in (marker: try row.makeRandomAccess()[5].decode(Int64.self), user: try Self.profile(row)) },
                limit: page.limit)
        }
    }

    public func purchase(id: Int64, creatorID: Int64) async throws -> Purchase? {
        try await read { db in
            guard let row = try await db.rows(AnalyticsStatements.purchase(id: id, creatorID: creatorID), logger).first
            else { return nil }
            let columns = row.makeRandomAccess()
            return Purchase(
                id: id, messageID: try columns[5].decode(Int64.self), massMessageID: try columns[6].decode(Int64?.self), fan: try Self.profile(row),
                amount: Money(cents: try columns[7].decode(Int64.self)), createdAt: try columns[8].decode(Date.self))
        }
    }
}
