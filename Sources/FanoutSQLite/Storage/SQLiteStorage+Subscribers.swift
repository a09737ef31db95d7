import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: SubscriberStore {
    public func subscribers(creatorID: Int64, query: SubscriberQuery) async throws -> Page<Subscriber> {
        try await read { db in
            var sql = """
                SELECT u.id, u.name, u.username, u.avatar, u.isVerified, s.subscribedAt, s.isActive,
                       COALESCE(c.tipsCents, 0) AS tipsCents, COALESCE(c.spentCents, 0) AS spentCents
                FROM subscription s
                JOIN user u ON u.id = s.fanId
                LEFT JOIN chat c ON c.creatorId = s.creatorId AND c.fanId = s.fanId
                WHERE s.creatorId = ?
                """
            var arguments: StatementArguments = [creatorID]
            switch query.kind {
            case .all: break
            case .active: sql += " AND s.isActive"
            case .expired: sql += " AND NOT s.isActive"
            case .latest(let days):
                sql += " AND s.subscribedAt >= ? AND s.subscribedAt < ?"
                arguments += [days.start, days.end.addingTimeInterval(86_400)]
            }
            if let search = query.search, !search.isEmpty {
                sql += " AND (instr(fanout_fold(u.name), ?) > 0 OR instr(fanout_fold(u.username), ?) > 0)"
                arguments += [TextFold.fold(search), TextFold.fold(search)]
            }
            sql += " ORDER BY s.subscribedAt DESC, s.fanId DESC LIMIT ? OFFSET ?"
            arguments += [query.page.limit + 1, query.page.offset]
            var subscribers = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Subscriber(
                    user: Self.profile(row), subscribedAt: row["subscribedAt"], isActive: row["isActive"],
                    tips: Money(cents: row["tipsCents"]), spent: Money(cents: row["spentCents"]), lists: [])
            }
            let lists = try Self.listsOf(db, creatorID: creatorID, fanIDs: subscribers.map(\.user.id))
            for index in subscribers.indices { subscribers[index].lists = lists[subscribers[index].user.id] ?? [] }
            return Page(fetched: subscribers, limit: query.page.limit)
        }
    }

    public func visibleUser(creatorID: Int64, userID: Int64) async throws -> UserProfile? {
        try await read { db in
            try Row.fetchOne(
                db, sql: """
                    SELECT id, name, username, avatar, isVerified FROM user
                    WHERE id = ?2 AND (id = ?1
                        OR EXISTS (SELECT 1 FROM subscription WHERE creatorId = ?1 AND fanId = ?2)
                        OR EXISTS (SELECT 1 FROM chat WHERE creatorId = ?1 AND fanId = ?2)
                        OR EXISTS (SELECT 1 FROM massDelivery WHERE creatorId = ?1 AND fanId = ?2))
                    """,
                arguments: [creatorID, userID]
            ).map(Self.profile)
        }
    }

    /// The creator's lists each of `fanIDs` is on, oldest list first.
    private static func listsOf(_ db: Database, creatorID: Int64, fanIDs: [Int64]) throws -> [Int64: [Subscriber.ListRef]] {
        guard !fanIDs.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: fanIDs.count).joined(separator: ", ")
        var lists: [Int64: [Subscriber.ListRef]] = [:]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT m.fanId, l.id, l.name FROM userList l JOIN userListMember m ON m.listId = l.id
                WHERE l.creatorId = ? AND m.fanId IN (\(marks)) ORDER BY l.id
                """,
            arguments: StatementArguments([creatorID] + fanIDs))
        {
            lists[row[0], default: []].append(Subscriber.ListRef(id: row[1], name: row[2]))
        }
        return lists
    }
}
