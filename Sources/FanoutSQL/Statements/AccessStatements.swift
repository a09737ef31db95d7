import FanoutCore
import Foundation

/// The statements of organizations, API keys, connections and creators
/// whose text is the same on both engines.
public enum AccessStatements {
    /// The keys of `lookupID`: organization id, secret hash.
    public static func apiKeys(lookupID: String) -> SQLStatement {
        SQLStatement("SELECT organization_id, secret_hash FROM api_key WHERE lookup_id = ?", [.text(lookupID)])
    }

    /// The organization's connection `id`: creator id, permissions, creator's name, status.
    public static func connection(id: String, organizationID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT c.creator_id, c.permissions, COALESCE(u.name, ''), c.status
            FROM connection c LEFT JOIN app_user u ON u.id = c.creator_id
            WHERE c.id = ? AND c.organization_id = ?
            """, [.text(id), .integer(organizationID)])
    }

    /// Deletes the keys of `lookupID`; a row per key deleted.
    public static func revokeAPIKeys(lookupID: String) -> SQLStatement {
        SQLStatement("DELETE FROM api_key WHERE lookup_id = ? RETURNING 1", [.text(lookupID)])
    }

    /// A new organization; returns its id.
    public static func insertOrganization(name: String) -> SQLStatement {
        SQLStatement("INSERT INTO organization (name) VALUES (?) RETURNING id", [.text(name)])
    }

    public static func insertAPIKey(_ key: StoredAPIKey, label: String) -> SQLStatement {
        SQLStatement(
            "INSERT INTO api_key (organization_id, lookup_id, secret_hash, label) VALUES (?, ?, ?, ?)",
            [.integer(key.organizationID), .text(key.lookupID), .blob(key.secretHash), .text(label)])
    }

    /// The connection, its permissions as one sorted, space-separated text,
    /// Vault+ on when its organization turns it on for new connections.
    public static func insertConnection(_ connection: Connection, clientReferenceID: String?, at now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO connection (id, organization_id, creator_id, permissions, status, created_at, updated_at, client_reference_id,
                                    vault_plus_enabled)
            SELECT ?, id, ?, ?, ?, ?, ?, ?, vault_plus_auto_enable FROM organization WHERE id = ?
            RETURNING 1
            """, [
                .text(connection.id), .integer(connection.creatorID),
                .text(connection.permissions.sorted().map(\.rawValue).joined(separator: " ")), .text(connection.status.rawValue),
                .date(now), .date(now), SQLValue(clientReferenceID), .integer(connection.organizationID),
            ])
    }

    public static func creatorExists(id: Int64) -> SQLStatement {
        SQLStatement("SELECT EXISTS (SELECT 1 FROM app_user WHERE id = ? AND is_creator)", [.integer(id)])
    }

    /// The creator's profile, or an existing user made a creator.
    public static func upsertCreator(_ creator: UserProfile) -> SQLStatement {
        SQLStatement("""
            INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET is_creator = excluded.is_creator
            """, [
                .integer(creator.id), .text(creator.name), .text(creator.username), SQLValue(creator.avatar), .bool(creator.isVerified),
                .bool(true),
            ])
    }

    /// The organizations with a connection to the creator.
    public static func organizationIDs(connectedToCreator creatorID: Int64) -> SQLStatement {
        SQLStatement("SELECT DISTINCT organization_id FROM connection WHERE creator_id = ?", [.integer(creatorID)])
    }
}
