import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: EarningStore {
    public func earnings(creatorID: Int64, query: EarningQuery) async throws -> Page<Earning> {
        try await read { db in
            Page(fetched: try db.run(EarningStatements.page(creatorID: creatorID, query: query)).compactMap { Self.earning($0, from: 0) },
                 limit: query.limit)
        }
    }

    public func earningDays(creatorID: Int64, kinds: [Earning.Kind], days: DayRange) async throws -> [EarningDay] {
        try await read { db in
            try db.run(EarningStatements.days(creatorID: creatorID, kinds: kinds, days: days)).map { row in
                EarningDay(day: row[0], gross: Money(cents: row[1]), net: Money(cents: row[2]))
            }
        }
    }

    public func chargebacks(creatorID: Int64, query: ChargebackQuery) async throws -> Page<Chargeback> {
        try await read { db in
            Page(fetched: try db.run(EarningStatements.chargebacks(creatorID: creatorID, query: query)).compactMap(Self.chargeback),
                 limit: query.limit)
        }
    }

    public func chargeBack(earningID: Int64, creatorID: Int64, at now: Date) async throws -> ChargebackOutcome {
        try await write { db in
            guard let marked = try db.run(EarningStatements.markChargedBack(earningID: earningID, creatorID: creatorID, at: now)).first else {
                return try db.run(EarningStatements.exists(earningID: earningID, creatorID: creatorID)).isEmpty ? .notFound : .alreadyChargedBack
            }
            let fanID: Int64 = marked[0]
            let kind = Earning.Kind(rawValue: marked[1]) ?? .message
            let id: Int64 = try db.run(EarningStatements.insertChargeback(earningID: earningID, creatorID: creatorID, at: now))[0][0]
            let chatID: Int64? = try db.run(EarningStatements.chatID(creatorID: creatorID, fanID: fanID)).first?[0]
            try Self.apply(db, EarningChargedBack(chatID: chatID, kind: kind, amount: Money(cents: marked[2])).effects)
            guard let chargeback = try db.run(EarningStatements.chargeback(id: id)).first.flatMap(Self.chargeback) else { return .notFound }
            return .chargedBack(chargeback)
        }
    }

    /// An earning from `EarningStatements.earningColumns` starting at `first`;
    /// nil for a kind this version does not know.
    static func earning(_ row: Row, from first: Int) -> Earning? {
        guard let kind = Earning.Kind(rawValue: row[first + 1]) else { return nil }
        return Earning(
            id: row[first], kind: kind,
            fan: UserProfile(id: row[first + 5], name: row[first + 6], username: row[first + 7], avatar: row[first + 8], isVerified: row[first + 9]),
            amount: Money(cents: row[first + 2]), createdAt: row[first + 3], chargedBackAt: row[first + 4])
    }

    static func chargeback(_ row: Row) -> Chargeback? {
        earning(row, from: 2).map { Chargeback(id: row[0], createdAt: row[1], earning: $0) }
    }
}
