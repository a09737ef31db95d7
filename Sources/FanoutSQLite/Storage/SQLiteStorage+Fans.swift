import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: FanStore {
    public func visibleUsers(creatorID: Int64, ids: [Int64]) async throws -> [FanProfile] {
        guard !ids.isEmpty else { return [] }
        return try pageRead { db in try Self.fans(db, FanStatements.visibleUsers(creatorID: creatorID, ids: ids), creatorID: creatorID) }
    }

    public func searchFans(creatorID: Int64, search: String, page: PageRequest) async throws -> Page<FanProfile> {
        try await read { db in
            let statement = FanStatements.search(creatorID: creatorID, needle: TextFold.fold(search), page: page, dialect: .sqlite)
            return Page(fetched: try Self.fans(db, statement, creatorID: creatorID), limit: page.limit)
        }
    }

    public func restrictedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await read(bounded: Self.isShallow(page)) { db in
            Page(fetched: try Self.fans(db, FanStatements.marked(.restricted, creatorID: creatorID, page: page), creatorID: creatorID), limit: page.limit)
        }
    }

    public func blockedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await read(bounded: Self.isShallow(page)) { db in
            Page(fetched: try Self.fans(db, FanStatements.marked(.blocked, creatorID: creatorID, page: page), creatorID: creatorID), limit: page.limit)
        }
    }

    public func restrictFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool {
        try await write { db in try !db.run(FanStatements.setMark(.restricted, creatorID: creatorID, fanID: fanID, at: at)).isEmpty }
    }

    public func blockFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool {
        try await write { db in try !db.run(FanStatements.setMark(.blocked, creatorID: creatorID, fanID: fanID, at: at)).isEmpty }
    }

    /// The rows of a `FanStatements` select, with the creator's lists each fan is on.
    private static func fans(_ db: Database, _ statement: SQLStatement, creatorID: Int64) throws -> [FanProfile] {
        var fans = try db.run(statement).map { row in
            FanProfile(
                user: UserProfile(id: row[0], name: row[1], username: row[2], avatar: row[3], isVerified: row[4]),
                isSubscribed: row[5], isRestricted: row[6], isBlocked: row[7],
                notice: row[8] ?? "", displayName: row[9] ?? "")
        }
        guard !fans.isEmpty else { return fans }
        var lists: [Int64: [Subscriber.ListRef]] = [:]
        for row in try db.run(FanStatements.lists(creatorID: creatorID, fanIDs: fans.map(\.user.id))) {
            lists[row[0], default: []].append(Subscriber.ListRef(id: row[1], name: row[2]))
        }
        for index in fans.indices { fans[index].lists = lists[fans[index].user.id] ?? [] }
        return fans
    }
}
