import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: AccessStore {
    public func apiKeys(lookupID: String) async throws -> [StoredAPIKey] {
        try pageRead { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT organizationId, secretHash FROM apiKey WHERE lookupId = ?"), arguments: [lookupID]
            ).map { row in
                let hash: Data = row[1]
                return StoredAPIKey(organizationID: row[0], lookupID: lookupID, secretHash: Array(hash))
            }
        }
    }

    public func connection(id: String, organizationID: Int64) async throws -> Connection? {
        try pageRead { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT c.creatorId, c.permissions, COALESCE(u.name, '')
                    FROM connection c LEFT JOIN user u ON u.id = c.creatorId
                    WHERE c.id = ? AND c.organizationId = ?
                    """),
                arguments: [id, organizationID])
            else { return nil }
            let permissions = (try? Permission.parseList(row[1])) ?? []
            return Connection(id: id, organizationID: organizationID, creatorID: row[0], permissions: permissions, creatorName: row[2])
        }
    }

    public func connections(organizationID: Int64) async throws -> [Connection] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT c.id, c.creatorId, c.permissions, COALESCE(u.name, '')
                    FROM connection c LEFT JOIN user u ON u.id = c.creatorId
                    WHERE c.organizationId = ? ORDER BY c.createdAt, c.rowid
                    """,
                arguments: [organizationID]
            ).map { row in
                Connection(
                    id: row[0], organizationID: organizationID, creatorID: row[1],
                    permissions: (try? Permission.parseList(row[2])) ?? [], creatorName: row[3])
            }
        }
    }

    public func revokeAPIKeys(lookupID: String) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM apiKey WHERE lookupId = ?", arguments: [lookupID])
            return db.changesCount
        }
    }

    public func createOrganization(name: String) async throws -> Organization {
        try await write { db in
            try db.execute(sql: "INSERT INTO organization (name) VALUES (?)", arguments: [name])
            return Organization(id: db.lastInsertedRowID, name: name)
        }
    }

    public func addAPIKey(_ key: StoredAPIKey, label: String) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO apiKey (organizationId, lookupId, secretHash, label) VALUES (?, ?, ?, ?)",
                arguments: [key.organizationID, key.lookupID, Data(key.secretHash), label])
        }
    }

    public func addConnection(_ connection: Connection) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO connection (id, organizationId, creatorId, permissions) VALUES (?, ?, ?, ?)",
                arguments: [
                    connection.id, connection.organizationID, connection.creatorID,
                    connection.permissions.sorted().map(\.rawValue).joined(separator: " "),
                ])
        }
    }

    public func creatorExists(id: Int64) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE id = ? AND isCreator)", arguments: [id]) ?? false
        }
    }

    public func addCreator(_ creator: UserProfile) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO user (id, name, username, avatar, isVerified, isCreator) VALUES (?, ?, ?, ?, ?, 1)
                    ON CONFLICT (id) DO UPDATE SET isCreator = 1
                    """,
                arguments: [creator.id, creator.name, creator.username, creator.avatar, creator.isVerified])
        }
    }
}
