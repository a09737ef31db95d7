import Foundation

/// The account API: an organization's connections (listed, invalidated,
/// deleted), their settings and its own, and a creator's profile. A
/// connection that is not the caller's reads as absent (404), never as
/// someone else's.
public struct AccountService: Sendable {
    let store: any AccountStore
    let access: AccessService
    /// Real time: connections' dates are the organization's, not a creator's sandbox clock.
    let clock: any FanoutClock
    /// Profiles as last read, for `profileTTL`: their counts walk every
    /// active subscription (a million for the largest audience), which no
    /// tenant may make this server do on every request.
    let profiles: BoundedCache<Int64, CachedProfile>
    let profileTTL: Duration

    struct CachedProfile: Sendable {
        var profile: CreatorProfile
        var expires: ContinuousClock.Instant
    }

    public init(store: any AccountStore, access: AccessService, clock: any FanoutClock, profileTTL: Duration = .seconds(30)) {
        self.store = store
        self.access = access
        self.clock = clock
        self.profiles = BoundedCache(capacity: 10_000)
        self.profileTTL = profileTTL
    }

    public static let maxNameLength = 100
    public static let maxAboutLength = 1_000

    public func organization(id: Int64) async throws -> Organization {
        // The key resolved to it a moment ago: gone only if deleted since.
        guard let organization = try await store.organization(id: id) else { throw FanoutError.unauthorized("Invalid API key") }
        return organization
    }

    public func connections(organizationID: Int64, filter: ConnectionFilter, page: PageRequest) async throws -> Page<ConnectionDetails> {
        // Fanout makes no imported connections.
        if filter.imported == true { return Page(items: [], hasMore: false) }
        return try await store.connectionDetails(organizationID: organizationID, filter: filter, page: page)
    }

    public func delete(connectionID: String, organizationID: Int64) async throws -> ConnectionDetails {
        let deleted = try await store.deleteConnection(id: connectionID, organizationID: organizationID, at: clock.now())
        access.forget(connectionID: connectionID, organizationID: organizationID)
        guard let deleted else { throw Self.notFound(connectionID) }
        return deleted
    }

    public func invalidate(connectionID: String, organizationID: Int64) async throws -> ConnectionDetails {
        let expired = try await store.invalidateConnection(id: connectionID, organizationID: organizationID, at: clock.now())
        access.forget(connectionID: connectionID, organizationID: organizationID)
        guard let expired else { throw Self.notFound(connectionID) }
        return expired
    }

    public func settings(connectionID: String, organizationID: Int64) async throws -> ConnectionSettings {
        guard let settings = try await store.connectionSettings(id: connectionID, organizationID: organizationID) else {
            throw Self.notFound(connectionID)
        }
        return settings
    }

    public func updateSettings(
        connectionID: String, organizationID: Int64, enabled: Bool?, overrides: SettingsOverridesChange
    ) async throws -> ConnectionSettings {
        guard let settings = try await store.updateConnectionSettings(
            id: connectionID, organizationID: organizationID, enabled: enabled, overrides: overrides, at: clock.now())
        else { throw Self.notFound(connectionID) }
        return settings
    }

    public func organizationSettings(organizationID: Int64) async throws -> OrganizationSettings {
        try await store.organizationSettings(organizationID: organizationID)
    }

    /// The settings after the patch, and how many connections took them
    /// (nil unless `applyToExisting`).
    public func updateOrganizationSettings(
        organizationID: Int64, autoEnable: Bool?, defaults: VaultPlusSettings?, applyToExisting: Bool
    ) async throws -> (settings: OrganizationSettings, affected: Int?) {
        var settings = try await store.organizationSettings(organizationID: organizationID)
        if let autoEnable { settings.autoEnableForNewConnections = autoEnable }
        if let defaults { settings.defaults = defaults.overriding(settings.defaults) }
        let affected = try await store.updateOrganizationSettings(
            organizationID: organizationID, settings: settings, applyToExisting: applyToExisting, at: clock.now())
        return (settings, applyToExisting ? affected : nil)
    }

    /// The creator's profile; its counts as of at most `profileTTL` ago.
    public func profile(creatorID: Int64) async throws -> CreatorProfile {
        if let cached = profiles.value(for: creatorID), cached.expires > ContinuousClock.now { return cached.profile }
        guard let profile = try await store.creatorProfile(creatorID: creatorID) else { throw FanoutError.notFound("Creator not found") }
        profiles.insert(CachedProfile(profile: profile, expires: ContinuousClock.now + profileTTL), for: creatorID)
        return profile
    }

    /// `name` must not be empty; `about` may be (it is cleared).
    public func updateProfile(creatorID: Int64, name: String?, about: String?) async throws -> CreatorProfile {
        for (field, text) in [("name", name), ("about", about)] where text?.utf8.contains(0) == true {
            throw FanoutError.badRequest("\(field) must not contain NUL characters", field: field)
        }
        if let name {
            guard !name.isEmpty else { throw FanoutError.badRequest("name must not be empty", field: "name") }
            guard name.unicodeScalars.count <= Self.maxNameLength else {
                throw FanoutError.badRequest("name has at most \(Self.maxNameLength) characters", field: "name")
            }
        }
        if let about, about.unicodeScalars.count > Self.maxAboutLength {
            throw FanoutError.badRequest("about has at most \(Self.maxAboutLength) characters", field: "about")
        }
        guard let profile = try await store.updateCreatorProfile(creatorID: creatorID, name: name, about: about) else {
            throw FanoutError.notFound("Creator not found")
        }
        // Read back just now: this instance's next GET shows it.
        profiles.insert(CachedProfile(profile: profile, expires: ContinuousClock.now + profileTTL), for: creatorID)
        return profile
    }

    public static func notFound(_ id: String) -> FanoutError { .notFound("Connection \(id) not found") }
}
