import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: UserListStore {
    public func userLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<UserList> {
        try await read { db in
            var sql = "SELECT * FROM userList WHERE creatorId = ?"
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
            try db.execute(
                sql: "INSERT OR IGNORE INTO userList (creatorId, name, createdAt) VALUES (?, ?, ?)", arguments: [creatorID, name, now])
            guard db.changesCount > 0 else { return nil }
            return try Self.userList(db, id: db.lastInsertedRowID, creatorID: creatorID)
        }
    }

    public func renameUserList(id: Int64, creatorID: Int64, to name: String) async throws -> UserList? {
        try await write { db in
            try db.execute(
                sql: "UPDATE OR IGNORE userList SET name = ? WHERE id = ? AND creatorId = ?", arguments: [name, id, creatorID])
            let list = try Self.userList(db, id: id, creatorID: creatorID)
            return list?.name == name ? list : nil
        }
    }

    public func deleteUserList(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM userList WHERE id = ? AND creatorId = ?", arguments: [id, creatorID])
            return db.changesCount > 0
        }
    }

    public func userListMembers(listID: Int64, page: PageRequest) async throws -> Page<UserProfile> {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT u.* FROM userListMember m JOIN user u ON u.id = m.fanId
                    WHERE m.listId = ? ORDER BY m.addedAt DESC, m.fanId DESC LIMIT ? OFFSET ?
                    """,
                arguments: [listID, page.limit + 1, page.offset])
            return Page(fetched: rows.map(Self.profile), limit: page.limit)
        }
    }

    public func isSubscriber(creatorID: Int64, userID: Int64) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM subscription WHERE creatorId = ? AND fanId = ?)", arguments: [creatorID, userID]
            ) ?? false
        }
    }

    public func addUserListMember(listID: Int64, userID: Int64, at now: Date) async throws {
        try await write { db in try Self.addMember(db, listID: listID, userID: userID, at: now) }
    }

    /// Idempotent; the list's count follows.
    private static func addMember(_ db: Database, listID: Int64, userID: Int64, at now: Date) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO userListMember (listId, fanId, addedAt) VALUES (?, ?, ?)", arguments: [listID, userID, now])
        if db.changesCount > 0 {
            try db.execute(sql: "UPDATE userList SET usersCount = usersCount + 1 WHERE id = ?", arguments: [listID])
        }
    }

    public func addUserToLists(userID: Int64, listIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64? {
        try await write { db in
            let mine = Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM userList WHERE creatorId = ? AND id IN (\(databaseQuestionMarks(count: listIDs.count)))",
                arguments: [creatorID] + StatementArguments(listIDs)))
            if let missing = listIDs.first(where: { !mine.contains($0) }) { return missing }
            for id in listIDs { try Self.addMember(db, listID: id, userID: userID, at: now) }
            return nil
        }
    }

    public func removeUserListMember(listID: Int64, userID: Int64) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM userListMember WHERE listId = ? AND fanId = ?", arguments: [listID, userID])
            if db.changesCount > 0 {
                try db.execute(sql: "UPDATE userList SET usersCount = usersCount - 1 WHERE id = ?", arguments: [listID])
            }
        }
    }

    static func userList(_ db: Database, id: Int64, creatorID: Int64) throws -> UserList? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM userList WHERE id = ? AND creatorId = ?", arguments: [id, creatorID])
        else { return nil }
        let members = try Row.fetchAll(
            db, sql: """
                SELECT u.* FROM userListMember m JOIN user u ON u.id = m.fanId
                WHERE m.listId = ? ORDER BY m.addedAt DESC, m.fanId DESC LIMIT 10
                """,
            arguments: [id])
        return userList(row, recentMembers: members.map(profile))
    }

    static func userList(_ row: Row, recentMembers: [UserProfile] = []) -> UserList {
        UserList(id: row["id"], creatorID: row["creatorId"], name: row["name"], usersCount: row["usersCount"],
                 createdAt: row["createdAt"], recentMembers: recentMembers)
    }

    static func profile(_ row: Row) -> UserProfile {
        UserProfile(id: row["id"], name: row["name"], username: row["username"], avatar: row["avatar"], isVerified: row["isVerified"])
    }
}
