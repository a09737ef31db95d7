import FanoutAPI
import FanoutCore
import Hummingbird

/// `/v2/account`: the organization behind the `apiKey` (no connection
/// needed; an `x-connection-id` sent is ignored), its connections and settings.
struct AccountController {
    let service: AccountService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("whoami", use: whoami)
        group.get("connections", use: connections)
        group.delete("connections/:connectionId", use: delete)
        group.post("connections/:connectionId/invalidate", use: invalidate)
        group.get("connections/:connectionId/settings", use: settings)
        group.patch("connections/:connectionId/settings", use: updateSettings)
        group.get("settings", use: organizationSettings)
        group.patch("settings", use: updateOrganizationSettings)
    }

    enum Imported: String, CaseIterable { case `true`, `false` }

    @Sendable func whoami(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try JSONResponse.make(mapper.whoami(try await service.organization(id: try Self.organization(context))))
    }

    @Sendable func connections(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let parameters = RequestParameters(request, context: context)
        let filter = ConnectionFilter(
            status: try parameters.choice("status", as: ConnectionStatus.self),
            imported: try parameters.choice("imported", as: Imported.self).map { $0 == .true })
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20)
        let found = try await service.connections(organizationID: organizationID, filter: filter, page: page)
        // The SDK's `iter_connections` moves on by `nextOffset`; saturated: an offset near Int.max ends.
        let next = page.offset.addingReportingOverflow(found.items.count)
        return try JSONResponse.make(Components.Schemas.AccountConnectionPage(
            list: found.items.map(mapper.accountConnection), hasMore: found.hasMore,
            nextOffset: found.hasMore && !next.overflow ? next.partialValue : nil))
    }

    @Sendable func delete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let deleted = try await service.delete(connectionID: try Self.connectionID(request, context), organizationID: try Self.organization(context))
        return try JSONResponse.make(Components.Schemas.AccountConnectionChanged(success: true, connection: mapper.accountConnection(deleted)))
    }

    @Sendable func invalidate(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let expired = try await service.invalidate(
            connectionID: try Self.connectionID(request, context), organizationID: try Self.organization(context))
        return try JSONResponse.make(Components.Schemas.AccountConnectionChanged(success: true, connection: mapper.accountConnection(expired)))
    }

    @Sendable func settings(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let settings = try await service.settings(
            connectionID: try Self.connectionID(request, context), organizationID: try Self.organization(context))
        return try JSONResponse.make(mapper.connectionSettings(settings))
    }

    @Sendable func updateSettings(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let connectionID = try Self.connectionID(request, context)
        let body = try AccountBodyParsing.object(try await JSONBody(request).fields, path: "body", allowed: ["vaultPlus"])
        var enabled: Bool?
        var overrides = SettingsOverridesChange.unchanged
        if let raw = try AccountBodyParsing.present(body, "vaultPlus", path: "vaultPlus") {
            let vaultPlus = try AccountBodyParsing.object(raw, path: "vaultPlus", allowed: ["enabled", "settings"])
            enabled = try AccountBodyParsing.bool(vaultPlus, "enabled", path: "vaultPlus.enabled")
            if vaultPlus.keys.contains("settings") {
                if let settings = vaultPlus["settings"] ?? nil {
                    overrides = .merge(try AccountBodyParsing.settings(settings, path: "vaultPlus.settings"))
                } else {
                    overrides = .reset
                }
            }
        }
        let updated = try await service.updateSettings(
            connectionID: connectionID, organizationID: organizationID, enabled: enabled, overrides: overrides)
        return try JSONResponse.make(Components.Schemas.AccountConnectionSettingsUpdated(settings: mapper.connectionSettings(updated)))
    }

    @Sendable func organizationSettings(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try JSONResponse.make(mapper.organizationSettings(try await service.organizationSettings(organizationID: try Self.organization(context))))
    }

    @Sendable func updateOrganizationSettings(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let body = try AccountBodyParsing.object(try await JSONBody(request).fields, path: "body", allowed: ["vaultPlus"])
        var autoEnable: Bool?, apply = false
        var defaults: VaultPlusSettings?
        if let raw = try AccountBodyParsing.present(body, "vaultPlus", path: "vaultPlus") {
            let vaultPlus = try AccountBodyParsing.object(
                raw, path: "vaultPlus", allowed: ["autoEnableForNewConnections", "applyToExistingConnections", "defaultSettings"])
            autoEnable = try AccountBodyParsing.bool(vaultPlus, "autoEnableForNewConnections", path: "vaultPlus.autoEnableForNewConnections")
            apply = try AccountBodyParsing.bool(vaultPlus, "applyToExistingConnections", path: "vaultPlus.applyToExistingConnections") ?? false
            if let settings = try AccountBodyParsing.present(vaultPlus, "defaultSettings", path: "vaultPlus.defaultSettings") {
                defaults = try AccountBodyParsing.settings(settings, path: "vaultPlus.defaultSettings")
            }
        }
        let (settings, affected) = try await service.updateOrganizationSettings(
            organizationID: organizationID, autoEnable: autoEnable, defaults: defaults, applyToExisting: apply)
        return try JSONResponse.make(Components.Schemas.AccountOrganizationSettingsUpdated(
            settings: mapper.organizationSettings(settings),
            broadcastResult: affected.map { .init(affectedConnections: Double($0), purgeResults: []) }))
    }

    static func organization(_ context: FanoutRequestContext) throws -> Int64 {
        guard let id = context.organizationID else { throw FanoutError.unauthorized("Missing API key: send it in the apiKey header") }
        return id
    }

    /// The path's connection id; one no connection could have is simply not found.
    static func connectionID(_ request: Request, _ context: FanoutRequestContext) throws -> String {
        let id = RequestParameters(request, context: context).pathText("connectionId")
        guard !id.isEmpty, id.utf8.count <= 100 else { throw AccountService.notFound(String(id.prefix(40))) }
        return id
    }
}
