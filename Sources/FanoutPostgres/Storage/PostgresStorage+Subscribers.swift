import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: SubscriberStore {
    public func subscribers(creatorID: Int64, query: SubscriberQuery) async throws -> Page<Subscriber> {
        let active: Bool? = switch query.kind {
        case .active: true
        case .expired: false
        case .all, .latest: nil
        }
        var from: Date?, until: Date?
        if case .latest(let days) = query.kind { (from, until) = (days.start, days.end.addingTimeInterval(86_400)) }
        let search = query.search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let (tips, spent) = (query.filter.tips, query.filter.totalSpent)
        let (tipsFrom, tipsTo, spentFrom, spentTo) = (tips?.minimum.cents, tips?.maximum?.cents, spent?.minimum.cents, spent?.maximum?.cents)
        return try await read { db in
            let rows = try await db.rows("""
                SELECT u.id, u.name, u.username, u.avatar, u.is_verified, s.subscribed_at, s.is_active, COALESCE(c.tips_cents, 0), COALESCE(c.spent_cents, 0),
                       d.display_name, d.discount_percent, d.discount_period, d.discount_started_at
                FROM subscription s
                JOIN app_user u ON u.id = s.fan_id
                LEFT JOIN chat c ON c.creator_id = s.creator_id AND c.fan_id = s.fan_id
                LEFT JOIN subscriber_detail d ON d.creator_id = s.creator_id AND d.fan_id = s.fan_id
                WHERE s.creator_id = \(creatorID)
                  AND (\(active)::boolean IS NULL OR s.is_active = \(active)::boolean)
                  AND (\(from)::timestamptz IS NULL OR s.subscribed_at >= \(from)::timestamptz)
                  AND (\(until)::timestamptz IS NULL OR s.subscribed_at < \(until)::timestamptz)
                  AND (\(search)::text IS NULL OR strpos(lower(u.name COLLATE "und-x-icu"), \(search)::text) > 0
                       OR strpos(lower(u.username COLLATE "und-x-icu"), \(search)::text) > 0)
                  AND (\(tipsFrom)::bigint IS NULL OR COALESCE(c.tips_cents, 0) >= \(tipsFrom)::bigint)
                  AND (\(tipsTo)::bigint IS NULL OR COALESCE(c.tips_cents, 0) <= \(tipsTo)::bigint)
                  AND (\(spentFrom)::bigint IS NULL OR COALESCE(c.spent_cents, 0) >= \(spentFrom)::bigint)
                  AND (\(spentTo)::bigint IS NULL OR COALESCE(c.spent_cents, 0) <= \(spentTo)::bigint)
                ORDER BY s.subscribed_at DESC, s.fan_id DESC
                LIMIT \(query.page.limit + 1) OFFSET \(query.page.offset)
                """, logger)
            var subscribers = try rows.map { row in
                let cells = row.makeRandomAccess()
                var subscriber = Subscriber(
                    user: try Self.profile(row), subscribedAt: try cells[5].decode(Date.self), isActive: try cells[6].decode(Bool.self),
                    tips: Money(cents: try cells[7].decode(Int64.self)), spent: Money(cents: try cells[8].decode(Int64.self)), lists: [])
                subscriber.detail = SubscriberDetail.stored(
                    displayName: try cells[9].decode(String?.self), percent: try cells[10].decode(Int64?.self),
                    months: try cells[11].decode(Int64?.self), startedAt: try cells[12].decode(Date?.self))
                return subscriber
            }
            let ids = subscribers.map(\.user.id)
            if !ids.isEmpty {
                var lists: [Int64: [Subscriber.ListRef]] = [:]
                for row in try await db.rows("""
                    SELECT m.fan_id, l.id, l.name FROM user_list l JOIN user_list_member m ON m.list_id = l.id
                    WHERE l.creator_id = \(creatorID) AND m.fan_id = ANY(\(ids)) ORDER BY l.id
                    """, logger)
                {
                    let (fanID, id, name) = try row.decode((Int64, Int64, String).self)
                    lists[fanID, default: []].append(Subscriber.ListRef(id: id, name: name))
                }
                for index in subscribers.indices { subscribers[index].lists = lists[subscribers[index].user.id] ?? [] }
            }
            return Page(fetched: subscribers, limit: query.page.limit)
        }
    }

    public func visibleUser(creatorID: Int64, userID: Int64) async throws -> UserProfile? {
        try await read { db in
            try await db.rows(SubscriberStatements.visibleUser(creatorID: creatorID, userID: userID), logger).first.map(Self.profile)
        }
    }
}
