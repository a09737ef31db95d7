import Foundation

/// What an organization sees of itself through its API key alone: its
/// connections and their lifecycle, its settings; and a creator's own
/// profile. Every change of a connection writes its webhook event
/// (`ConnectionChange.effects`) in the change's transaction.
public protocol AccountStore: Sendable {
    func organization(id: Int64) async throws -> Organization?
    /// The organization's connections matching `filter`, oldest first.
    func connectionDetails(organizationID: Int64, filter: ConnectionFilter, page: PageRequest) async throws -> Page<ConnectionDetails>
    /// nil when it is not the organization's.
    func connectionDetails(id: String, organizationID: Int64) async throws -> ConnectionDetails?
    /// Removes the connection (its settings go with it); what it was, nil
    /// when it is not the organization's.
    func deleteConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails?
    /// Marks it `expired` (kept); what it is now, nil when it is not the organization's.
    func invalidateConnection(id: String, organizationID: Int64, at now: Date) async throws -> ConnectionDetails?

    /// nil when the connection is not the organization's.
    func connectionSettings(id: String, organizationID: Int64) async throws -> ConnectionSettings?
    /// Sets what is given (`overrides` nil: unchanged; `.reset`: none);
    /// the settings after, nil when the connection is not the organization's.
    func updateConnectionSettings(
        id: String, organizationID: Int64, enabled: Bool?, overrides: SettingsOverridesChange, at now: Date
    ) async throws -> ConnectionSettings?

    func organizationSettings(organizationID: Int64) async throws -> OrganizationSettings
    /// Stores `settings`; with `applyToExisting`, every connection of the
    /// organization drops its overrides (and takes the auto-enable flag):
    /// how many connections that changed.
    func updateOrganizationSettings(
        organizationID: Int64, settings: OrganizationSettings, applyToExisting: Bool, at now: Date
    ) async throws -> Int

    /// The creator's profile and counts; nil when there is no such creator.
    func creatorProfile(creatorID: Int64) async throws -> CreatorProfile?
    /// Sets what is given (nil: unchanged; `about` "" clears it).
    func updateCreatorProfile(creatorID: Int64, name: String?, about: String?) async throws -> CreatorProfile?
}

/// How a settings PATCH changes a connection's overrides.
public enum SettingsOverridesChange: Sendable, Equatable {
    case unchanged
    /// Back to the organization's defaults.
    case reset
    /// These fields set, the others kept.
    case merge(VaultPlusSettings)
}
