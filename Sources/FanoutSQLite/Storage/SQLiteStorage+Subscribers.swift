import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: SubscriberStore {
    public func subscribers(creatorID: Int64, query: SubscriberQuery) async throws -> Page<Subscriber> {
        try await read { db in
            var sql = """
                SELECT u.id, u.name, u.username, u.avatar, u.is_verified, s.subscribed_at, s.is_active,
                       COALESCE(c.tips_cents, 0) AS tips_cents, COALESCE(c.spent_cents, 0) AS spent_cents,
                       d.display_name, d.discount_percent, d.discount_period, d.discount_started_at
                FROM subscription s
                JOIN app_user u ON u.id = s.fan_id
                LEFT JOIN chat c ON c.creator_id = s.creator_id AND c.fan_id = s.fan_id
                LEFT JOIN subscriber_detail d ON d.creator_id = s.creator_id AND d.fan_id = s.fan_id
                WHERE s.creator_id = ?
                """
            var arguments: StatementArguments = [creatorID]
            switch query.kind {
            case .all: break
            case .active: sql += " AND s.is_active"
            case .expired: sql += " AND NOT s.is_active"
            case .latest(let days):
                sql += " AND s.subscribed_at >= ? AND s.subscribed_at < ?"
                arguments += [days.start, days.end.addingTimeInterval(86_400)]
            }
            if let search = query.search, !search.isEmpty {
                sql += " AND (instr(fanout_fold(u.name), ?) > 0 OR instr(fanout_fold(u.username), ?) > 0)"
                arguments += [TextFold.fold(search), TextFold.fold(search)]
            }
            for (column, range) in [("tips_cents", query.filter.tips), ("spent_cents", query.filter.totalSpent)] {
                guard let range else { continue }
                sql += " AND COALESCE(c.\(column), 0) >= ?"
                arguments += [range.minimum.cents]
                if let maximum = range.maximum {
                    sql += " AND COALESCE(c.\(column), 0) <= ?"
                    arguments += [maximum.cents]
                }
            }
            sql += " ORDER BY s.subscribed_at DESC, s.fan_id DESC LIMIT ? OFFSET ?"
            arguments += [query.page.limit + 1, query.page.offset]
            var subscribers = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                var subscriber = Subscriber(
                    user: Self.profile(row), subscribedAt: row["subscribed_at"], isActive: row["is_active"],
                    tips: Money(cents: row["tips_cents"]), spent: Money(cents: row["spent_cents"]), lists: [])
                subscriber.detail = SubscriberDetail.stored(
                    displayName: row["display_name"], percent: row["discount_percent"], months: row["discount_period"],
                    startedAt: row["discount_started_at"])
                return subscriber
            }
            let lists = try Self.listsOf(db, creatorID: creatorID, fanIDs: subscribers.map(\.user.id))
            for index in subscribers.indices { subscribers[index].lists = lists[subscribers[index].user.id] ?? [] }
            return Page(fetched: subscribers, limit: query.page.limit)
        }
    }

    public func visibleUser(creatorID: Int64, userID: Int64) async throws -> UserProfile? {
        try await read { db in
            try db.run(SubscriberStatements.visibleUser(creatorID: creatorID, userID: userID)).first.map(Self.profile)
        }
    }

    /// The creator's lists each of `fanIDs` is on, oldest list first.
    private static func listsOf(_ db: Database, creatorID: Int64, fanIDs: [Int64]) throws -> [Int64: [Subscriber.ListRef]] {
        guard !fanIDs.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: fanIDs.count).joined(separator: ", ")
        var lists: [Int64: [Subscriber.ListRef]] = [:]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT m.fan_id, l.id, l.name FROM user_list l JOIN user_list_member m ON m.list_id = l.id
                WHERE l.creator_id = ? AND m.fan_id IN (\(marks)) ORDER BY l.id
                """,
            arguments: StatementArguments([creatorID] + fanIDs))
        {
            lists[row[0], default: []].append(Subscriber.ListRef(id: row[1], name: row[2]))
        }
        return lists
    }
}
