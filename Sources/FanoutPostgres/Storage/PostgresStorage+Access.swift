import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: AccessStore {
    public func apiKeys(lookupID: String) async throws -> [StoredAPIKey] {
        try await read { db in
            try await db.rows(AccessStatements.apiKeys(lookupID: lookupID), logger).map { row in
                let (organizationID, hash) = try row.decode((Int64, ByteBuffer).self)
                return StoredAPIKey(organizationID: organizationID, lookupID: lookupID, secretHash: Array(hash.readableBytesView))
            }
        }
    }

    public func connection(id: String, organizationID: Int64) async throws -> Connection? {
        try await read { db in
            guard let row = try await db.rows(AccessStatements.connection(id: id, organizationID: organizationID), logger).first
            else { return nil }
            let (creatorID, permissions, name, status) = try row.decode((Int64, String, String, String).self)
            // An unknown stored status reads as expired: it never answers.
            return Connection(
                id: id, organizationID: organizationID, creatorID: creatorID,
                permissions: (try? Permission.parseList(permissions)) ?? [], creatorName: name,
                status: ConnectionStatus(rawValue: status) ?? .expired)
        }
    }

    public func connections(organizationID: Int64) async throws -> [Connection] {
        try await read { db in
            try await db.rows("""
                SELECT c.id, c.creator_id, c.permissions, COALESCE(u.name, '')
                FROM connection c LEFT JOIN app_user u ON u.id = c.creator_id
                WHERE c.organization_id = \(organizationID) AND c.status = 'active' ORDER BY c.created_at, c.id
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
        try await read { db in try await db.run(AccessStatements.revokeAPIKeys(lookupID: lookupID), logger) }
    }

    public func createOrganization(name: String) async throws -> Organization {
        try await read { db in
            let id = try await db.value(Int64.self, AccessStatements.insertOrganization(name: name), logger)!
            return Organization(id: id, name: name)
        }
    }

    public func addAPIKey(_ key: StoredAPIKey, label: String) async throws {
        try await read { db in try await db.run(AccessStatements.insertAPIKey(key, label: label), logger) }
    }

    public func addConnection(_ connection: Connection, clientReferenceID: String?, at now: Date) async throws {
        try await write { db in
            guard try await db.run(AccessStatements.insertConnection(connection, clientReferenceID: clientReferenceID, at: now), logger) == 1
            else { throw FanoutError.badRequest("Unknown organization \(connection.organizationID)", field: "organization") }
            try await apply(db, ConnectionChange(
                .created, connectionID: connection.id, organizationID: connection.organizationID, creatorID: connection.creatorID, at: now
            ).effects)
        }
    }

    public func creatorExists(id: Int64) async throws -> Bool {
        try await read { db in try await db.value(Bool.self, AccessStatements.creatorExists(id: id), logger) ?? false }
    }

    public func addCreator(_ creator: UserProfile) async throws {
        try await read { db in try await db.run(AccessStatements.upsertCreator(creator), logger) }
    }
}
