import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: AccountStore {
    public func organization(id: Int64) async throws -> Organization? {
        try await read { db in
            try await db.value(String.self, AccountStatements.organization(id: id), logger).map { Organization(id: id, name: $0) }
        }
    }

    public func connectionDetails(organizationID: Int64, filter: ConnectionFilter, page: PageRequest) async throws -> Page<ConnectionDetails> {
        try await read { db in
            let rows = try await db.rows(AccountStatements.connections(organizationID: organizationID, status: filter.status, page: page), logger)
            return Page(fetched: try rows.map { try Self.connectionDetails($0, organizationID: organizationID) }, limit: page.limit)
        }
    }

    public func connectionDetails(id: String, organizationID: Int64) async throws -> ConnectionDetails? {
        try await read { db in try await connectionDetails(db, id: id, organizationID: organizationID) }
    }

    public func deleteConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails? {
        try await write { db in
            guard var details = try await connectionDetails(db, id: id, organizationID: organizationID, locked: true) else { return nil }
            try await db.run(AccountStatements.deleteConnection(id: id, organizationID: organizationID), logger)
            try await apply(db, ConnectionChange(
                .expired, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            details.connection.status = .expired
            details.expiredAt = details.expiredAt ?? now
            return details
        }
    }

    public func invalidateConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails? {
        try await write { db in
            // Already expired: no change, no second event (the UPDATE's row lock orders concurrent calls).
            if try await db.run(AccountStatements.expireConnection(id: id, organizationID: organizationID, at: now), logger) > 0,
               let details = try await connectionDetails(db, id: id, organizationID: organizationID) {
                try await apply(db, ConnectionChange(
                    .expired, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            }
            return try await connectionDetails(db, id: id, organizationID: organizationID)
        }
    }

    public func connectionSettings(id: String, organizationID: Int64) async throws -> ConnectionSettings? {
        try await read { db in try await connectionSettings(db, id: id, organizationID: organizationID) }
    }

    public func updateConnectionSettings(
        id: String, organizationID: Int64, enabled: Bool?, overrides: SettingsOverridesChange, at now: Date
    ) async throws -> ConnectionSettings? {
        try await write { db in
            // The row locked first: two patches at once merge one after the other.
            guard let details = try await connectionDetails(db, id: id, organizationID: organizationID, locked: true),
                  let current = try await connectionSettings(db, id: id, organizationID: organizationID)
            else { return nil }
            let stored: VaultPlusSettings = switch overrides {
            case .unchanged: current.overrides
            case .reset: VaultPlusSettings()
            case .merge(let patch): patch.overriding(current.overrides)
            }
            try await db.run(AccountStatements.updateConnectionSettings(
                id: id, organizationID: organizationID, enabled: enabled, overrides: stored.storedText, at: now), logger)
            try await apply(db, ConnectionChange(
                .updated, connectionID: id, organizationID: organizationID, creatorID: details.connection.creatorID, at: now).effects)
            return try await connectionSettings(db, id: id, organizationID: organizationID)
        }
    }

    public func organizationSettings(organizationID: Int64) async throws -> OrganizationSettings {
        try await read { db in try await organizationSettings(db, organizationID: organizationID) }
    }

    public func updateOrganizationSettings(
        organizationID: Int64, settings: OrganizationSettings, applyToExisting: Bool, at now: Date
    ) async throws -> Int {
        try await write { db in
            try await db.run(AccountStatements.updateOrganizationSettings(
                organizationID: organizationID, autoEnable: settings.autoEnableForNewConnections, defaults: settings.defaults.storedText), logger)
            guard applyToExisting else { return 0 }
            let changed = try await db.rows(AccountStatements.resetConnectionSettings(
                organizationID: organizationID, enabled: settings.autoEnableForNewConnections, at: now), logger)
            for row in changed {
                let (connectionID, creatorID) = try row.decode((String, Int64).self)
                try await apply(db, ConnectionChange(
                    .updated, connectionID: connectionID, organizationID: organizationID, creatorID: creatorID, at: now).effects)
            }
            return changed.count
        }
    }

    public func creatorProfile(creatorID: Int64) async throws -> CreatorProfile? {
        try await read { db in try await creatorProfile(db, creatorID: creatorID) }
    }

    public func updateCreatorProfile(creatorID: Int64, name: String?, about: String?) async throws -> CreatorProfile? {
        try await write { db in
            if let statement = AccountStatements.updateCreatorProfile(creatorID: creatorID, name: name, about: about) {
                try await db.run(statement, logger)
            }
            // The chat pages' cached name: here at once, elsewhere within its ttl.
            if name != nil { names.forget(creatorID) }
            return try await creatorProfile(db, creatorID: creatorID)
        }
    }

    // MARK: Rows

    func connectionDetails(_ db: PostgresConnection, id: String, organizationID: Int64, locked: Bool = false) async throws -> ConnectionDetails? {
        var statement = AccountStatements.connection(id: id, organizationID: organizationID)
        if locked { statement.sql += " FOR UPDATE OF c" }
        return try await db.rows(statement, logger).first.map { try Self.connectionDetails($0, organizationID: organizationID) }
    }

    static func connectionDetails(_ row: PostgresRow, organizationID: Int64) throws -> ConnectionDetails {
        let (id, creatorID, permissions, status, createdAt, updatedAt, expiredAt, reference, name, username, avatar, verified) =
            try row.decode((String, Int64, String, String, Date, Date, Date?, String?, String, String, String?, Bool).self)
        let connection = Connection(
            id: id, organizationID: organizationID, creatorID: creatorID, permissions: (try? Permission.parseList(permissions)) ?? [],
            creatorName: name, status: ConnectionStatus(rawValue: status) ?? .expired)
        return ConnectionDetails(
            connection: connection, creator: UserProfile(id: creatorID, name: name, username: username, avatar: avatar, isVerified: verified),
            createdAt: createdAt, updatedAt: updatedAt, expiredAt: expiredAt, clientReferenceID: reference)
    }

    func connectionSettings(_ db: PostgresConnection, id: String, organizationID: Int64) async throws -> ConnectionSettings? {
        guard let row = try await db.rows(AccountStatements.connectionSettings(id: id, organizationID: organizationID), logger).first
        else { return nil }
        let (enabled, overrides, defaults, media, stored, bytes) = try row.decode((Bool, String?, String?, Int64, Int64, Int64).self)
        return ConnectionSettings(
            connectionID: id, enabled: enabled, overrides: VaultPlusSettings(storedText: overrides),
            defaults: VaultPlusSettings(storedText: defaults).effective(over: .builtIn), mediaCount: media, storedCount: stored,
            totalStorageBytes: bytes)
    }

    func organizationSettings(_ db: PostgresConnection, organizationID: Int64) async throws -> OrganizationSettings {
        guard let row = try await db.rows(AccountStatements.organizationSettings(organizationID: organizationID), logger).first else {
            return OrganizationSettings()
        }
        let (autoEnable, defaults) = try row.decode((Bool, String?).self)
        return OrganizationSettings(autoEnableForNewConnections: autoEnable, defaults: VaultPlusSettings(storedText: defaults))
    }

    func creatorProfile(_ db: PostgresConnection, creatorID: Int64) async throws -> CreatorProfile? {
        guard let row = try await db.rows(AccountStatements.creatorProfile(creatorID: creatorID), logger).first else { return nil }
        let (name, username, avatar, verified, about, subscribers, photos, videos, audios, medias) =
            try row.decode((String, String, String?, Bool, String?, Int64, Int64, Int64, Int64, Int64).self)
        return CreatorProfile(
            user: UserProfile(id: creatorID, name: name, username: username, avatar: avatar, isVerified: verified), about: about,
            subscribersCount: subscribers, photosCount: photos, videosCount: videos, audiosCount: audios, mediasCount: medias)
    }
}
