import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: FanStore {
    public func visibleUsers(creatorID: Int64, ids: [Int64]) async throws -> [FanProfile] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in try await fans(db, FanStatements.visibleUsers(creatorID: creatorID, ids: ids), creatorID: creatorID) }
    }

    public func searchFans(creatorID: Int64, search: String, page: PageRequest) async throws -> Page<FanProfile> {
        try await read { db in
            let statement = FanStatements.search(creatorID: creatorID, needle: search.lowercased(), page: page, dialect: .postgres)
            return Page(fetched: try await fans(db, statement, creatorID: creatorID), limit: page.limit)
        }
    }

    public func restrictedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await read { db in
            Page(fetched: try await fans(db, FanStatements.marked(.restricted, creatorID: creatorID, page: page), creatorID: creatorID), limit: page.limit)
        }
    }

    public func blockedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await read { db in
            Page(fetched: try await fans(db, FanStatements.marked(.blocked, creatorID: creatorID, page: page), creatorID: creatorID), limit: page.limit)
        }
    }

    public func restrictFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool {
        try await write { db in try await db.run(FanStatements.setMark(.restricted, creatorID: creatorID, fanID: fanID, at: at), logger) > 0 }
    }

    public func blockFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool {
        try await write { db in try await db.run(FanStatements.setMark(.blocked, creatorID: creatorID, fanID: fanID, at: at), logger) > 0 }
    }

    /// The rows of a `FanStatements` select, with the creator's lists each fan is on.
    private func fans(_ db: PostgresConnection, _ statement: SQLStatement, creatorID: Int64) async throws -> [FanProfile] {
        var fans = try await db.rows(statement, logger).map { row in
            let (id, name, username, avatar, isVerified, isSubscribed, isRestricted, isBlocked, notice, displayName) =
                try row.decode((Int64, String, String, String?, Bool, Bool, Bool, Bool, String?, String?).self)
            return FanProfile(
                user: UserProfile(id: id, name: name, username: username, avatar: avatar, isVerified: isVerified),
                isSubscribed: isSubscribed, isRestricted: isRestricted, isBlocked: isBlocked,
                notice: notice ?? "", displayName: displayName ?? "")
        }
        guard !fans.isEmpty else { return fans }
        var lists: [Int64: [Subscriber.ListRef]] = [:]
        for row in try await db.rows(FanStatements.lists(creatorID: creatorID, fanIDs: fans.map(\.user.id)), logger) {
            let (fanID, id, name) = try row.decode((Int64, Int64, String).self)
            lists[fanID, default: []].append(Subscriber.ListRef(id: id, name: name))
        }
        for index in fans.indices { fans[index].lists = lists[fans[index].user.id] ?? [] }
        return fans
    }
}
