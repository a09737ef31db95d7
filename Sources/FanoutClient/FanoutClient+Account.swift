internal import Foundation

extension FanoutClient {
    /// The API key's organization. Every `/v2/account` method is the
    /// key's: the client's connection is not sent there.
    public func whoami() async throws -> Organization {
        Organization(try await call { try await api.whoami().ok.body.json })
    }

    /// One page of the organization's connections (`limit` 1–100), oldest
    /// first; only those of `status`, or only imported ones (or only not),
    /// when given.
    public func connectionsPage(
        status: Connection.Status? = nil, imported: Bool? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Page<Connection> {
        let page = try await call {
            try await api.listConnections(query: .init(
                status: status?.wire, imported: imported.map { $0 ? ._true : ._false }, limit: limit, offset: offset)).ok.body.json
        }
        return Page(items: try page.list.map(Connection.init), hasMore: page.hasMore, offset: offset, nextOffset: page.nextOffset)
    }

    /// Every connection of the organization, page by page (by offset).
    public func connections(status: Connection.Status? = nil, imported: Bool? = nil, pageSize: Int = 20) -> PagedSequence<Connection> {
        .byOffset { offset in try await connectionsPage(status: status, imported: imported, limit: pageSize, offset: offset) }
    }

    /// Marks the connection expired and keeps it: requests with it answer
    /// 401 `SESSION_EXPIRED` from then on. Another organization's
    /// connection, or none, is a 404.
    @discardableResult
    public func invalidateConnection(id: String) async throws -> Connection {
        try Connection(try await call { try await api.invalidateConnection(path: .init(connectionId: id)).ok.body.json }.connection)
    }

    /// Removes the connection: requests with it answer 401
    /// `SESSION_NOT_PROVIDED`. Returns it as it was.
    @discardableResult
    public func deleteConnection(id: String) async throws -> Connection {
        try Connection(try await call { try await api.deleteConnection(path: .init(connectionId: id)).ok.body.json }.connection)
    }

    /// The connection's Vault+ state.
    public func connectionSettings(id: String) async throws -> ConnectionSettings {
        try ConnectionSettings(try await call { try await api.getConnectionSettings(path: .init(connectionId: id)).ok.body.json })
    }

    /// Turns the connection's Vault+ on or off (nil: unchanged) and sets the
    /// fields `overrides` holds (the others stay). An out-of-range value is
    /// a 400 naming its field.
    @discardableResult
    public func updateConnectionSettings(
        id: String, vaultPlusEnabled: Bool? = nil, overrides: VaultPlusSettings? = nil
    ) async throws -> ConnectionSettings {
        let body = Components.Schemas.AccountConnectionSettingsBody(
            vaultPlus: .init(enabled: vaultPlusEnabled, settings: overrides?.connectionWire))
        return try ConnectionSettings(try await call {
            try await api.updateConnectionSettings(path: .init(connectionId: id), body: .json(body)).ok.body.json
        }.settings)
    }

    /// The organization's Vault+ defaults.
    public func organizationSettings() async throws -> OrganizationSettings {
        try OrganizationSettings(try await call { try await api.getOrganizationSettings().ok.body.json })
    }

    /// Sets whether new connections start with Vault+ on and the default
    /// fields `defaults` holds (nil: unchanged).
    /// `applyToExistingConnections`: every connection drops its overrides and
    /// turns Vault+ on or off as `autoEnableVaultPlusForNewConnections` says;
    /// the answer counts them.
    @discardableResult
    public func updateOrganizationSettings(
        autoEnableVaultPlusForNewConnections: Bool? = nil, defaults: VaultPlusSettings? = nil, applyToExistingConnections: Bool? = nil
    ) async throws -> OrganizationSettingsUpdate {
        let body = Components.Schemas.AccountOrganizationSettingsBody(vaultPlus: .init(
            autoEnableForNewConnections: autoEnableVaultPlusForNewConnections, applyToExistingConnections: applyToExistingConnections,
            defaultSettings: defaults?.wire))
        return try OrganizationSettingsUpdate(try await call { try await api.updateOrganizationSettings(body: .json(body)).ok.body.json })
    }

    /// The connection's creator (`profile:read`).
    public func selfProfile() async throws -> Profile {
        Profile(try await call { try await api.getSelf().ok.body.json })
    }

    /// Sets the creator's name (1–100 characters) and about (up to 1,000;
    /// empty clears it); nil leaves one unchanged (`profile:write`).
    @discardableResult
    public func updateSelfProfile(name: String? = nil, about: String? = nil, idempotencyKey: String? = nil) async throws -> Profile {
        try Profile(try await call {
            try await api.updateSelf(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name, about: about))).ok.body.json
        })
    }
}
