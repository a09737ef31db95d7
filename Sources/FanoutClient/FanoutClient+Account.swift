import Foundation

extension FanoutClient {
    public typealias AccountConnection = Components.Schemas.AccountConnection
    public typealias ConnectionStatusFilter = Operations.ListConnections.Input.Query.StatusPayload

    /// The key's organization (`/v2/account`: the key alone counts; the client's connection is ignored there).
    public func whoami() async throws -> Components.Schemas.AccountWhoami {
        try await call { try await api.whoami().ok.body.json }
    }

    /// One page of the organization's connections, oldest first.
    public func connectionsPage(status: ConnectionStatusFilter? = nil, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.AccountConnectionPage {
        try await call { try await api.listConnections(query: .init(status: status, limit: limit, offset: offset)).ok.body.json }
    }

    /// Every connection of the organization, page by page.
    public func connections(status: ConnectionStatusFilter? = nil, pageSize: Int = 20) -> PagedSequence<AccountConnection> {
        PagedSequence(first: .offset(0)) { cursor in
            guard case .offset(let offset) = cursor else { return .init(items: [], next: nil) }
            let page = try await connectionsPage(status: status, limit: pageSize, offset: offset)
            let next = page.hasMore ? (page.nextOffset ?? offset + page.list.count) : nil
            return .init(items: page.list, next: next.map { .offset($0) })
        }
    }

    /// Marks the connection expired (kept): it answers 401 `SESSION_EXPIRED` from then on.
    @discardableResult
    public func invalidateConnection(id: String) async throws -> Components.Schemas.AccountConnectionChanged {
        try await call { try await api.invalidateConnection(path: .init(connectionId: id)).ok.body.json }
    }

    /// Removes the connection.
    @discardableResult
    public func deleteConnection(id: String) async throws -> Components.Schemas.AccountConnectionChanged {
        try await call { try await api.deleteConnection(path: .init(connectionId: id)).ok.body.json }
    }

    public func connectionSettings(id: String) async throws -> Components.Schemas.AccountConnectionSettings {
        try await call { try await api.getConnectionSettings(path: .init(connectionId: id)).ok.body.json }
    }

    public func updateConnectionSettings(
        id: String, _ body: Components.Schemas.AccountConnectionSettingsBody
    ) async throws -> Components.Schemas.AccountConnectionSettingsUpdated {
        try await call { try await api.updateConnectionSettings(path: .init(connectionId: id), body: .json(body)).ok.body.json }
    }

    public func organizationSettings() async throws -> Components.Schemas.AccountOrganizationSettings {
        try await call { try await api.getOrganizationSettings().ok.body.json }
    }

    public func updateOrganizationSettings(
        _ body: Components.Schemas.AccountOrganizationSettingsBody
    ) async throws -> Components.Schemas.AccountOrganizationSettingsUpdated {
        try await call { try await api.updateOrganizationSettings(body: .json(body)).ok.body.json }
    }

    /// The connection's creator.
    public func selfProfile() async throws -> Components.Schemas.SelfProfile {
        try await call { try await api.getSelf().ok.body.json }
    }

    /// Sets the creator's name and about (nil: unchanged; an empty about clears it).
    public func updateSelf(name: String? = nil, about: String? = nil) async throws -> Components.Schemas.SelfProfileUpdated {
        try await call { try await api.updateSelf(body: .json(.init(name: name, about: about))).ok.body.json }
    }
}
