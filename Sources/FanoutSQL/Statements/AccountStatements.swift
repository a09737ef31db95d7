import FanoutCore
import Foundation

/// The account API's statements (an organization's connections, their
/// lifecycle and settings; a creator's own profile), the same on both engines.
public enum AccountStatements {
    public static func organization(id: Int64) -> SQLStatement {
        SQLStatement("SELECT name FROM organization WHERE id = ?", [.integer(id)])
    }

    /// The columns a connection's details are read from, in this order: id,
    /// creator id, permissions, status, created, updated, expired, client
    /// reference; the creator's name, username, avatar, verified mark.
    static let detailsSelect = """
        SELECT c.id, c.creator_id, c.permissions, c.status, c.created_at, COALESCE(c.updated_at, c.created_at), c.expired_at,
               c.client_reference_id, u.name, u.username, u.avatar, u.is_verified
        FROM connection c JOIN app_user u ON u.id = c.creator_id
        """

    /// A page of the organization's connections (one more than asked), oldest first.
    public static func connections(organizationID: Int64, status: ConnectionStatus?, page: PageRequest) -> SQLStatement {
        var arguments: [SQLValue] = [.integer(organizationID)]
        if let status { arguments.append(.text(status.rawValue)) }
        arguments += [.integer(Int64(page.limit) + 1), .integer(Int64(page.offset))]
        return SQLStatement(
            detailsSelect + "\nWHERE c.organization_id = ?\(status == nil ? "" : " AND c.status = ?") ORDER BY c.created_at, c.id LIMIT ? OFFSET ?",
            arguments)
    }

    public static func connection(id: String, organizationID: Int64) -> SQLStatement {
        SQLStatement(detailsSelect + "\nWHERE c.id = ? AND c.organization_id = ?", [.text(id), .integer(organizationID)])
    }

    /// A row when it was the organization's.
    public static func deleteConnection(id: String, organizationID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM connection WHERE id = ? AND organization_id = ? RETURNING 1", [.text(id), .integer(organizationID)])
    }

    /// A row when it was active and is now expired.
    public static func expireConnection(id: String, organizationID: Int64, at now: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE connection SET status = ?, expired_at = ?, updated_at = ?
            WHERE id = ? AND organization_id = ? AND status <> ? RETURNING 1
            """, [
                .text(ConnectionStatus.expired.rawValue), .date(now), .date(now), .text(id), .integer(organizationID),
                .text(ConnectionStatus.expired.rawValue),
            ])
    }

    /// The connection's Vault+ flag and overrides, its organization's
    /// defaults, and its creator's vault: media, media stored here, bytes.
    public static func connectionSettings(id: String, organizationID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT c.vault_plus_enabled, c.vault_plus_settings, o.vault_plus_defaults,
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = c.creator_id),
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = c.creator_id AND m.stored_file IS NOT NULL),
                   (SELECT CAST(COALESCE(SUM(m.size), 0) AS BIGINT) FROM media m WHERE m.creator_id = c.creator_id)
            FROM connection c JOIN organization o ON o.id = c.organization_id
            WHERE c.id = ? AND c.organization_id = ?
            """, [.text(id), .integer(organizationID)])
    }

    /// Sets the flag (when given) and the overrides (nil: none) of a connection.
    public static func updateConnectionSettings(
        id: String, organizationID: Int64, enabled: Bool?, overrides: String?, at now: Date
    ) -> SQLStatement {
        var assignments = "vault_plus_settings = ?, updated_at = ?"
        var arguments: [SQLValue] = [SQLValue(overrides), .date(now)]
        if let enabled {
            assignments += ", vault_plus_enabled = ?"
            arguments.append(.bool(enabled))
        }
        return SQLStatement(
            "UPDATE connection SET \(assignments) WHERE id = ? AND organization_id = ?", arguments + [.text(id), .integer(organizationID)])
    }

    public static func organizationSettings(organizationID: Int64) -> SQLStatement {
        SQLStatement("SELECT vault_plus_auto_enable, vault_plus_defaults FROM organization WHERE id = ?", [.integer(organizationID)])
    }

    public static func updateOrganizationSettings(organizationID: Int64, autoEnable: Bool, defaults: String?) -> SQLStatement {
        SQLStatement(
            "UPDATE organization SET vault_plus_auto_enable = ?, vault_plus_defaults = ? WHERE id = ?",
            [.bool(autoEnable), SQLValue(defaults), .integer(organizationID)])
    }

    /// Every connection of the organization back to its defaults, Vault+ on
    /// or off as new ones start: their ids and creators.
    public static func resetConnectionSettings(organizationID: Int64, enabled: Bool, at now: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE connection SET vault_plus_settings = NULL, vault_plus_enabled = ?, updated_at = ?
            WHERE organization_id = ? RETURNING id, creator_id
            """, [.bool(enabled), .date(now), .integer(organizationID)])
    }

    /// The creator's profile and counts: name, username, avatar, verified,
    /// about; active subscribers; photos, videos, audios, all media.
    public static func creatorProfile(creatorID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT u.name, u.username, u.avatar, u.is_verified, u.about,
                   (SELECT COUNT(*) FROM subscription s WHERE s.creator_id = u.id AND s.is_active),
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = u.id AND m.kind = 'photo'),
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = u.id AND m.kind = 'video'),
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = u.id AND m.kind = 'audio'),
                   (SELECT COUNT(*) FROM media m WHERE m.creator_id = u.id)
            FROM app_user u WHERE u.id = ? AND u.is_creator
            """, [.integer(creatorID)])
    }

    /// Sets the name and about that are given.
    public static func updateCreatorProfile(creatorID: Int64, name: String?, about: String?) -> SQLStatement? {
        var assignments: [String] = [], arguments: [SQLValue] = []
        if let name { assignments.append("name = ?"); arguments.append(.text(name)) }
        // An empty about clears it.
        if let about { assignments.append("about = ?"); arguments.append(about.isEmpty ? .null : .text(about)) }
        guard !assignments.isEmpty else { return nil }
        return SQLStatement(
            "UPDATE app_user SET \(assignments.joined(separator: ", ")) WHERE id = ? AND is_creator", arguments + [.integer(creatorID)])
    }
}
