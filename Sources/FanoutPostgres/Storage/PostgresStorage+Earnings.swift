import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: EarningStore {
    public func earnings(creatorID: Int64, query: EarningQuery) async throws -> Page<Earning> {
        try await read { db in
            let rows = try await db.rows(EarningStatements.page(creatorID: creatorID, query: query), logger)
            return Page(fetched: try rows.compactMap { try Self.earning($0.makeRandomAccess(), from: 0) }, limit: query.limit)
        }
    }

    public func earningDays(creatorID: Int64, kinds: [Earning.Kind], days: DayRange) async throws -> [EarningDay] {
        try await read { db in
            try await db.rows(EarningStatements.days(creatorID: creatorID, kinds: kinds, days: days), logger).map { row in
                let (day, gross, net) = try row.decode((String, Int64, Int64).self)
                return EarningDay(day: day, gross: Money(cents: gross), net: Money(cents: net))
            }
        }
    }

    public func chargebacks(creatorID: Int64, query: ChargebackQuery) async throws -> Page<Chargeback> {
        try await read { db in
            let rows = try await db.rows(EarningStatements.chargebacks(creatorID: creatorID, query: query), logger)
            return Page(fetched: try rows.compactMap(Self.chargeback), limit: query.limit)
        }
    }

    public func chargeBack(earningID: Int64, creatorID: Int64, at now: Date) async throws -> ChargebackOutcome {
        try await write { db in
            guard let marked = try await db.rows(EarningStatements.markChargedBack(earningID: earningID, creatorID: creatorID, at: now), logger).first
            else {
                return try await db.rows(EarningStatements.exists(earningID: earningID, creatorID: creatorID), logger).isEmpty
                    ? .notFound : .alreadyChargedBack
            }
            let (fanID, kindName, cents) = try marked.decode((Int64, String, Int64).self)
            let id = try await db.value(Int64.self, EarningStatements.insertChargeback(earningID: earningID, creatorID: creatorID, at: now), logger)!
            let chatID = try await db.value(Int64.self, EarningStatements.chatID(creatorID: creatorID, fanID: fanID), logger)
            try await apply(db, EarningChargedBack(chatID: chatID, kind: Earning.Kind(rawValue: kindName) ?? .message, amount: Money(cents: cents)).effects)
            guard let row = try await db.rows(EarningStatements.chargeback(id: id), logger).first, let chargeback = try Self.chargeback(row)
            else { return .notFound }
            return .chargedBack(chargeback)
        }
    }

    /// An earning from `EarningStatements.earningColumns` starting at `first`;
    /// nil for a kind this version does not know.
    static func earning(_ cells: PostgresRandomAccessRow, from first: Int) throws -> Earning? {
        guard let kind = Earning.Kind(rawValue: try cells[first + 1].decode(String.self)) else { return nil }
        let fan = UserProfile(
            id: try cells[first + 5].decode(Int64.self), name: try cells[first + 6].decode(String.self),
            username: try cells[first + 7].decode(String.self), avatar: try cells[first + 8].decode(String?.self),
            isVerified: try cells[first + 9].decode(Bool.self))
        return Earning(
            id: try cells[first].decode(Int64.self), kind: kind, fan: fan, amount: Money(cents: try cells[first + 2].decode(Int64.self)),
            createdAt: try cells[first + 3].decode(Date.self), chargedBackAt: try cells[first + 4].decode(Date?.self))
    }

    static func chargeback(_ row: PostgresRow) throws -> Chargeback? {
        let cells = row.makeRandomAccess()
        guard let earning = try earning(cells, from: 2) else { return nil }
        return Chargeback(id: try cells[0].decode(Int64.self), createdAt: try cells[1].decode(Date.self), earning: earning)
    }
}
