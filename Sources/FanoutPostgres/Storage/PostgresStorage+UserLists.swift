import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: UserListStore {
    public func userLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<UserList> {
        try await read { db in
            let folded = search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let rows = try await db.rows("""
                SELECT \(unescaped: UserListStatements.columns) FROM user_list
                WHERE creator_id = \(creatorID) AND (\(folded)::text IS NULL OR strpos(lower(name COLLATE "und-x-icu"), \(folded)::text) > 0)
                ORDER BY id DESC LIMIT \(page.limit + 1) OFFSET \(page.offset)
                """, logger)
            return Page(fetched: try rows.map { try Self.userList($0) }, limit: page.limit)
        }
    }

    public func userList(id: Int64, creatorID: Int64) async throws -> UserList? {
        try await snapshot { db in try await userList(db, id: id, creatorID: creatorID) }
    }

    public func createUserList(name: String, creatorID: Int64, at now: Date) async throws -> UserList? {
        try await write { db in
            guard let id = try await db.value(Int64.self, UserListStatements.insert(name: name, creatorID: creatorID, at: now), logger)
            else { return nil }
            return try await userList(db, id: id, creatorID: creatorID)
        }
    }

    public func renameUserList(id: Int64, creatorID: Int64, to name: String) async throws -> UserList? {
        try await write { db in
            // Another list of that name: no change (as SQLite's UPDATE OR IGNORE).
            let taken = try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM user_list WHERE creator_id = \(creatorID) AND name = \(name) AND id <> \(id))
                """, logger) ?? false
            guard !taken else { return nil }
            try await db.run("UPDATE user_list SET name = \(name) WHERE id = \(id) AND creator_id = \(creatorID)", logger)
            let list = try await userList(db, id: id, creatorID: creatorID)
            return list?.name == name ? list : nil
        }
    }

    public func deleteUserList(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in
            try await db.run(UserListStatements.delete(id: id, creatorID: creatorID), logger) > 0
        }
    }

    public func userListMembers(listID: Int64, page: PageRequest) async throws -> Page<UserProfile> {
        try await read { db in
            let rows = try await db.rows(UserListStatements.members(listID: listID, page: page), logger)
            return Page(fetched: try rows.map(Self.profile), limit: page.limit)
        }
    }

    public func isSubscriber(creatorID: Int64, userID: Int64) async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, UserListStatements.isSubscriber(creatorID: creatorID, userID: userID), logger) ?? false
        }
    }

    public func addUserListMember(listID: Int64, userID: Int64, at now: Date) async throws {
        try await write { db in try await addMember(db, listID: listID, userID: userID, at: now) }
    }

    /// Idempotent; the list's count follows.
    private func addMember(_ db: PostgresConnection, listID: Int64, userID: Int64, at now: Date) async throws {
        if try await db.run(UserListStatements.insertMember(listID: listID, userID: userID, at: now), logger) > 0 {
            try await db.run(UserListStatements.countMembers(listID: listID, delta: 1), logger)
        }
    }

    public func addUserToLists(userID: Int64, listIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64? {
        try await write { db in
            // Locked, so that none of them is deleted before the members land.
            let mine = Set(try await db.values(Int64.self, """
                SELECT id FROM user_list WHERE id = ANY(\(listIDs)) AND creator_id = \(creatorID) ORDER BY id FOR UPDATE
                """, logger))
            if let missing = listIDs.first(where: { !mine.contains($0) }) { return missing }
            for id in listIDs { try await addMember(db, listID: id, userID: userID, at: now) }
            return nil
        }
    }

    public func removeUserListMember(listID: Int64, userID: Int64) async throws {
        try await write { db in
            if try await db.run(UserListStatements.deleteMember(listID: listID, userID: userID), logger) > 0 {
                try await db.run(UserListStatements.countMembers(listID: listID, delta: -1), logger)
            }
        }
    }

    func userList(_ db: PostgresConnection, id: Int64, creatorID: Int64) async throws -> UserList? {
        guard let row = try await db.rows(UserListStatements.select(id: id, creatorID: creatorID), logger).first else { return nil }
        let members = try await db.rows(UserListStatements.recentMembers(listID: id), logger)
        return try Self.userList(row, recentMembers: members.map(Self.profile))
    }

    static func userList(_ row: PostgresRow, recentMembers: [UserProfile] = []) throws -> UserList {
        let (id, creatorID, name, count, createdAt) = try row.decode((Int64, Int64, String, Int, Date).self)
        return UserList(id: id, creatorID: creatorID, name: name, usersCount: count, createdAt: createdAt, recentMembers: recentMembers)
    }
}
