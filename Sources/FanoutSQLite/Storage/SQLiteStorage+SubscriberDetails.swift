import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: SubscriberDetailStore {
    public func updateSubscriberDetail(creatorID: Int64, fanID: Int64, change: SubscriberDetailChange) async throws -> Bool {
        try await write { db in
            try !db.run(SubscriberDetailStatements.update(creatorID: creatorID, fanID: fanID, change: change)).isEmpty
        }
    }

    public func fanAccount(creatorID: Int64, fanID: Int64) async throws -> FanAccount {
        try await read { db in
            let row = try db.run(SubscriberDetailStatements.account(creatorID: creatorID, fanID: fanID))[0]
            return FanAccount(
                detail: SubscriberDetail.stored(notice: row[0], displayName: row[1], percent: row[2], months: row[3], startedAt: row[4]),
                spent: Money(cents: row[5] ?? 0), isSubscriber: row[6])
        }
    }
}
