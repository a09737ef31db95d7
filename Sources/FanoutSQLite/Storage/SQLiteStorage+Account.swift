import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: AccountStore {
    public func organization(id: Int64) async throws -> Organization? {
        try await read { db in try db.value(String.self, AccountStatements.organization(id: id)).map { Organization(id: id, name: $0) } }
    }

    public func connectionDetails(organizationID: Int64, filter: ConnectionFilter, page: PageRequest) async throws -> Page<ConnectionDetails> {
        try await read { db in
            let rows = try db.run(AccountStatements.connections(organizationID: organizationID, status: filter.status, page: page))
            return Page(fetched: rows.map { Self.connectionDetails($0, organizationID: organizationID) }, limit: page.limit)
        }
    }

    public func connectionDetails(id: String, organizationID: Int64) async throws -> ConnectionDetails? {
        try await read { db in try Self.connectionDetails(db, id: id, organizationID: organizationID) }
    }

    public func deleteConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails? {
        try await write { db in
            guard var details = try Self.connectionDetails(db, id: id, organizationID: organizationID) else { return nil }
            try db.run(AccountStatements.deleteConnection(id: id, organizationID: organizationID))
            try Self.apply(db, ConnectionChange(.expired, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            details.connection.status = .expired
            details.expiredAt = details.expiredAt ?? now
            return details
        }
    }

    public func invalidateConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails? {
        try await write { db in
            // Already expired: no change, no second event.
            if try !db.run(AccountStatements.expireConnection(id: id, organizationID: organizationID, at: now)).isEmpty,
               let details = try Self.connectionDetails(db, id: id, organizationID: organizationID) {
                try Self.apply(db, ConnectionChange(.expired, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            }
            return try Self.connectionDetails(db, id: id, organizationID: organizationID)
        }
    }

    public func connectionSettings(id: String, organizationID: Int64) async throws -> ConnectionSettings? {
        try await read { db in try Self.connectionSettings(db, id: id, organizationID: organizationID) }
    }

    public func updateConnectionSettings(
        id: String, organizationID: Int64, enabled: Bool?, overrides: SettingsOverridesChange, at now: Date
    ) async throws -> ConnectionSettings? {
        try await write { db in
            guard let current = try Self.connectionSettings(db, id: id, organizationID: organizationID),
                  let details = try Self.connectionDetails(db, id: id, organizationID: organizationID)
            else { return nil }
            let stored: VaultPlusSettings = switch overrides {
            case .unchanged: current.overrides
            case .reset: VaultPlusSettings()
            case .merge(let patch): patch.overriding(current.overrides)
            }
            try db.execute(AccountStatements.updateConnectionSettings(
                id: id, organizationID: organizationID, enabled: enabled, overrides: stored.storedText, at: now))
            try Self.apply(db, ConnectionChange(.updated, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            return try Self.connectionSettings(db, id: id, organizationID: organizationID)
        }
    }

    public func organizationSettings(organizationID: Int64) async throws -> OrganizationSettings {
        try await read { db in try Self.organizationSettings(db, organizationID: organizationID) }
    }

    public func updateOrganizationSettings(
        organizationID: Int64, settings: OrganizationSettings, applyToExisting: Bool, at now: Date
    ) async throws -> Int {
        try await write { db in
            try db.execute(AccountStatements.updateOrganizationSettings(
                organizationID: organizationID, autoEnable: settings.autoEnableForNewConnections, defaults: settings.defaults.storedText))
            guard applyToExisting else { return 0 }
            let changed = try db.run(AccountStatements.resetConnectionSettings(
                organizationID: organizationID, enabled: settings.autoEnableForNewConnections, at: now))
            for row in changed {
                try Self.apply(db, ConnectionChange(.updated, connectionID: row[0], organizationID: organizationID, creatorID: row[1], at: now).effects)
            }
            return changed.count
        }
    }

    public func creatorProfile(creatorID: Int64) async throws -> CreatorProfile? {
        try await read { db in try Self.creatorProfile(db, creatorID: creatorID) }
    }

    public func updateCreatorProfile(creatorID: Int64, name: String?, about: String?) async throws -> CreatorProfile? {
        try await write { db in
            if let statement = AccountStatements.updateCreatorProfile(creatorID: creatorID, name: name, about: about) {
                try db.execute(statement)
            }
            return try Self.creatorProfile(db, creatorID: creatorID)
        }
    }

    // MARK: Rows

    static func connectionDetails(_ db: Database, id: String, organizationID: Int64) throws -> ConnectionDetails? {
        try db.run(AccountStatements.connection(id: id, organizationID: organizationID)).first.map {
            connectionDetails($0, organizationID: organizationID)
        }
    }

    static func connectionDetails(_ row: Row, organizationID: Int64) -> ConnectionDetails {
        let creatorID: Int64 = row[1]
        let creator = UserProfile(id: creatorID, name: row[8], username: row[9], avatar: row[10], isVerified: row[11])
        let connection = Connection(
            id: row[0], organizationID: organizationID, creatorID: creatorID, permissions: (try? Permission.parseList(row[2])) ?? [],
            creatorName: creator.name, status: ConnectionStatus(rawValue: row[3]) ?? .expired)
        return ConnectionDetails(
            connection: connection, creator: creator, createdAt: row[4], updatedAt: row[5], expiredAt: row[6], clientReferenceID: row[7])
    }

    static func connectionSettings(_ db: Database, id: String, organizationID: Int64) throws -> ConnectionSettings? {
        guard let row = try db.run(AccountStatements.connectionSettings(id: id, organizationID: organizationID)).first else { return nil }
        return ConnectionSettings(
            connectionID: id, enabled: row[0], overrides: VaultPlusSettings(storedText: row[1]),
            defaults: VaultPlusSettings(storedText: row[2]).effective(over: .builtIn), mediaCount: row[3], storedCount: row[4],
            totalStorageBytes: row[5])
    }

    static func organizationSettings(_ db: Database, organizationID: Int64) throws -> OrganizationSettings {
        guard let row = try db.run(AccountStatements.organizationSettings(organizationID: organizationID)).first else {
            return OrganizationSettings()
        }
        return OrganizationSettings(autoEnableForNewConnections: row[0], defaults: VaultPlusSettings(storedText: row[1]))
    }

    static func creatorProfile(_ db: Database, creatorID: Int64) throws -> CreatorProfile? {
        guard let row = try db.run(AccountStatements.creatorProfile(creatorID: creatorID)).first else { return nil }
        return CreatorProfile(
            user: UserProfile(id: creatorID, name: row[0], username: row[1], avatar: row[2], isVerified: row[3]), about: row[4],
            subscribersCount: row[5], photosCount: row[6], videosCount: row[7], audiosCount: row[8], mediasCount: row[9])
    }
}
