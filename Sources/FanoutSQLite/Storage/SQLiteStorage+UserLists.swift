import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: UserListStore {
    public func userLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<UserList> {
        try await read { db in
            var sql = "SELECT * FROM user_list WHERE creator_id = ?"
            var arguments: StatementArguments = [creatorID]
            if let search, !search.isEmpty {
                sql += " AND instr(fanout_fold(name), ?) > 0"
                arguments += [TextFold.fold(search)]
            }
            sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
            arguments += [page.limit + 1, page.offset]
            return Page(fetched: try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.userList($0) }, limit: page.limit)
        }
    }

    public func userList(id: Int64, creatorID: Int64) async throws -> UserList? {
        try await read { db in try Self.userList(db, id: id, creatorID: creatorID) }
    }

    public func createUserList(name: String, creatorID: Int64, at now: Date) async throws -> UserList? {
        try await write { db in
            guard let id = try db.value(Int64.self, UserListStatements.insert(name: name, creatorID: creatorID, at: now)) else { return nil }
            return try Self.userList(db, id: id, creatorID: creatorID)
        }
    }

    public func renameUserList(id: Int64, creatorID: Int64, to name: String) async throws -> UserList? {
        try await write { db in
            try db.execute(
                sql: "UPDATE OR IGNORE user_list SET name = ? WHERE id = ? AND creator_id = ?", arguments: [name, id, creatorID])
            let list = try Self.userList(db, id: id, creatorID: creatorID)
            return list?.name == name ? list : nil
        }
    }

    public func deleteUserList(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in try !db.run(UserListStatements.delete(id: id, creatorID: creatorID)).isEmpty }
    }

    public func userListMembers(listID: Int64, page: PageRequest) async throws -> Page<UserProfile> {
        try await read { db in
            let rows = try db.run(UserListStatements.members(listID: listID, page: page))
            return Page(fetched: rows.map(Self.profile), limit: page.limit)
        }
    }

    public func isSubscriber(creatorID: Int64, userID: Int64) async throws -> Bool {
        try await read { db in try db.value(Bool.self, UserListStatements.isSubscriber(creatorID: creatorID, userID: userID)) ?? false }
    }

    public func addUserListMember(listID: Int64, userID: Int64, at now: Date) async throws {
        try await write { db in try Self.addMember(db, listID: listID, userID: userID, at: now) }
    }

    /// Idempotent; the list's count follows.
    private static func addMember(_ db: Database, listID: Int64, userID: Int64, at now: Date) throws {
        if try !db.run(UserListStatements.insertMember(listID: listID, userID: userID, at: now)).isEmpty {
            try db.execute(UserListStatements.countMembers(listID: listID, delta: 1))
        }
    }

    public func addUserToLists(userID: Int64, listIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64? {
        try await write { db in
            let mine = Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM user_list WHERE creator_id = ? AND id IN (\(databaseQuestionMarks(count: listIDs.count)))",
                arguments: [creatorID] + StatementArguments(listIDs)))
            if let missing = listIDs.first(where: { !mine.contains($0) }) { return missing }
            for id in listIDs { try Self.addMember(db, listID: id, userID: userID, at: now) }
            return nil
        }
    }

    public func removeUserListMember(listID: Int64, userID: Int64) async throws {
        try await write { db in
            if try !db.run(UserListStatements.deleteMember(listID: listID, userID: userID)).isEmpty {
                try db.execute(UserListStatements.countMembers(listID: listID, delta: -1))
            }
        }
    }

    static func userList(_ db: Database, id: Int64, creatorID: Int64) throws -> UserList? {
        guard let row = try db.run(UserListStatements.select(id: id, creatorID: creatorID)).first else { return nil }
        let members = try db.run(UserListStatements.recentMembers(listID: id))
        return userList(row, recentMembers: members.map(profile))
    }

    static func userList(_ row: Row, recentMembers: [UserProfile] = []) -> UserList {
        UserList(id: row["id"], creatorID: row["creator_id"], name: row["name"], usersCount: row["users_count"],
                 createdAt: row["created_at"], recentMembers: recentMembers)
    }

    static func profile(_ row: Row) -> UserProfile {
        UserProfile(id: row["id"], name: row["name"], username: row["username"], avatar: row["avatar"], isVerified: row["is_verified"])
    }
}
