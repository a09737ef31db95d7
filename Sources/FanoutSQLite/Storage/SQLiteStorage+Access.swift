import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: AccessStore {
    public func apiKeys(lookupID: String) async throws -> [StoredAPIKey] {
        try pageRead { db in
            try db.run(AccessStatements.apiKeys(lookupID: lookupID)).map { row in
                let hash: Data = row[1]
                return StoredAPIKey(organizationID: row[0], lookupID: lookupID, secretHash: Array(hash))
            }
        }
    }

    public func connection(id: String, organizationID: Int64) async throws -> Connection? {
        try pageRead { db in
            guard let row = try db.run(AccessStatements.connection(id: id, organizationID: organizationID)).first else { return nil }
            let permissions = (try? Permission.parseList(row[1])) ?? []
            // An unknown stored status reads as expired: it never answers.
            return Connection(
                id: id, organizationID: organizationID, creatorID: row[0], permissions: permissions, creatorName: row[2],
                status: ConnectionStatus(rawValue: row[3]) ?? .expired)
        }
    }

    public func connections(organizationID: Int64) async throws -> [Connection] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT c.id, c.creator_id, c.permissions, COALESCE(u.name, '')
                    FROM connection c LEFT JOIN app_user u ON u.id = c.creator_id
                    WHERE c.organization_id = ? AND c.status = 'active' ORDER BY c.created_at, c.rowid
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
        try await write { db in try db.run(AccessStatements.revokeAPIKeys(lookupID: lookupID)).count }
    }

    public func createOrganization(name: String) async throws -> Organization {
        try await write { db in
            Organization(id: try db.value(Int64.self, AccessStatements.insertOrganization(name: name))!, name: name)
        }
    }

    public func addAPIKey(_ key: StoredAPIKey, label: String) async throws {
        try await write { db in try db.execute(AccessStatements.insertAPIKey(key, label: label)) }
    }

    public func addConnection(_ connection: Connection, clientReferenceID: String?, at now: Date) async throws {
        try await write { db in
            guard try db.execute(AccessStatements.insertConnection(connection, clientReferenceID: clientReferenceID, at: now)) == 1 else {
                throw FanoutError.badRequest("Unknown organization \(connection.organizationID)", field: "organization")
            }
            try Self.apply(db, ConnectionChange(
                .created, connectionID: connection.id, organizationID: connection.organizationID, creatorID: connection.creatorID, at: now
            ).effects)
        }
    }

    public func creatorExists(id: Int64) async throws -> Bool {
        try await read { db in try db.value(Bool.self, AccessStatements.creatorExists(id: id)) ?? false }
    }

    public func addCreator(_ creator: UserProfile) async throws {
        try await write { db in try db.execute(AccessStatements.upsertCreator(creator)) }
    }
}
