import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: AccessStore {
    public func apiKeys(lookupID: String) async throws -> [StoredAPIKey] {
        try await read { db in
            try await db.rows("SELECT organization_id, secret_hash FROM api_key WHERE lookup_id = \(lookupID)", logger).map { row in
                let (organizationID, hash) = try row.decode((Int64, ByteBuffer).self)
                return StoredAPIKey(organizationID: organizationID, lookupID: lookupID, secretHash: Array(hash.readableBytesView))
            }
        }
    }

    public func connection(id: String, organizationID: Int64) async throws -> Connection? {
        try await read { db in
            guard let row = try await db.rows("""
                SELECT c.creator_id, c.permissions, COALESCE(u.name, '')
                FROM connection c LEFT JOIN app_user u ON u.id = c.creator_id
                WHERE c.id = \(id) AND c.organization_id = \(organizationID)
                """, logger).first
            else { return nil }
            let (creatorID, permissions, name) = try row.decode((Int64, String, String).self)
            return Connection(
                id: id, organizationID: organizationID, creatorID: creatorID,
                permissions: (try? Permission.parseList(permissions)) ?? [], creatorName: name)
        }
    }

    public func connections(organizationID: Int64) async throws -> [Connection] {
        try await read { db in
            try await db.rows("""
                SELECT c.id, c.creator_id, c.permissions, COALESCE(u.name, '')
                FROM connection c LEFT JOIN app_user u ON u.id = c.creator_id
                WHERE c.organization_id = \(organizationID) ORDER BY c.created_at, c.id
                """, logger
            ).map { row in
                let (id, creatorID, permissions, name) = try row.decode((String, Int64, String, String).self)
                return Connection(
                    id: id, organizationID: organizationID, creatorID: creatorID,
                    permissions: (try? Permission.parseList(permissions)) ?? [], creatorName: name)
            }
        }
    }

    public func revokeAPIKeys(lookupID: String) async throws -> Int {
        try await read { db in try await db.run("DELETE FROM api_key WHERE lookup_id = \(lookupID) RETURNING 1", logger) }
    }

    public func createOrganization(name: String) async throws -> Organization {
        try await read { db in
            let id = try await db.value(Int64.self, "INSERT INTO organization (name) VALUES (\(name)) RETURNING id", logger)!
            return Organization(id: id, name: name)
        }
    }

    public func addAPIKey(_ key: StoredAPIKey, label: String) async throws {
        try await read { db in
            try await db.run("""
                INSERT INTO api_key (organization_id, lookup_id, secret_hash, label)
                VALUES (\(key.organizationID), \(key.lookupID), \(ByteBuffer(bytes: key.secretHash)), \(label))
                """, logger)
        }
    }

    public func addConnection(_ connection: Connection) async throws {
        let permissions = connection.permissions.sorted().map(\.rawValue).joined(separator: " ")
        try await read { db in
            try await db.run("""
                INSERT INTO connection (id, organization_id, creator_id, permissions)
                VALUES (\(connection.id), \(connection.organizationID), \(connection.creatorID), \(permissions))
                """, logger)
        }
    }

    public func creatorExists(id: Int64) async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = \(id) AND is_creator)", logger) ?? false
        }
    }

    public func addCreator(_ creator: UserProfile) async throws {
        try await read { db in
            try await db.run("""
                INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator)
                VALUES (\(creator.id), \(creator.name), \(creator.username), \(creator.avatar), \(creator.isVerified), true)
                ON CONFLICT (id) DO UPDATE SET is_creator = true
                """, logger)
        }
    }
}
