import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: SubscriberDetailStore {
    public func updateSubscriberDetail(creatorID: Int64, fanID: Int64, change: SubscriberDetailChange) async throws -> Bool {
        try await write { db in
            try await !db.rows(SubscriberDetailStatements.update(creatorID: creatorID, fanID: fanID, change: change), logger).isEmpty
        }
    }

    public func fanAccount(creatorID: Int64, fanID: Int64) async throws -> FanAccount {
        try await read { db in
            let row = try await db.rows(SubscriberDetailStatements.account(creatorID: creatorID, fanID: fanID), logger)[0]
            let (notice, name, percent, months, startedAt, spent, isSubscriber) = try row.decode(
                (String?, String?, Int64?, Int64?, Date?, Int64?, Bool).self)
            return FanAccount(
                detail: SubscriberDetail.stored(notice: notice, displayName: name, percent: percent, months: months, startedAt: startedAt),
                spent: Money(cents: spent ?? 0), isSubscriber: isSubscriber)
        }
    }
}
