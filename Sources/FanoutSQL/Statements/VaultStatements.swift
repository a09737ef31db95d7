import FanoutCore
import Foundation

/// The vault's statements whose text is the same on both engines (media
/// columns, searching, renaming and bulk adds differ).
public enum VaultStatements {
    /// The columns a vault list is read from, in this order.
    public static let listColumns = "id, creator_id, name, created_at, photos_count, videos_count, gifs_count, audios_count"

    /// The creator's media by kind: kind, count.
    public static func kindCounts(creatorID: Int64) -> SQLStatement {
        SQLStatement("SELECT kind, COUNT(*) FROM media WHERE creator_id = ? GROUP BY kind", [.integer(creatorID)])
    }

    public static func selectList(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("SELECT \(listColumns) FROM vault_list WHERE id = ? AND creator_id = ?", [.integer(id), .integer(creatorID)])
    }

    /// A new list, none when the creator has one of that name; returns its id.
    public static func insertList(name: String, creatorID: Int64, at now: Date) -> SQLStatement {
        SQLStatement(
            "INSERT INTO vault_list (creator_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (creator_id, name) DO NOTHING RETURNING id",
            [.integer(creatorID), .text(name), .date(now)])
    }

    /// A row when the list was deleted.
    public static func deleteList(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM vault_list WHERE id = ? AND creator_id = ? RETURNING 1", [.integer(id), .integer(creatorID)])
    }

    /// Adds the media newly on the list to its counts.
    public static func addCounts(_ added: MediaCounts, listID: Int64) -> SQLStatement {
        SQLStatement("""
            UPDATE vault_list SET photos_count = photos_count + ?, videos_count = videos_count + ?, gifs_count = gifs_count + ?,
                audios_count = audios_count + ? WHERE id = ?
            """, [
                .integer(Int64(added.photos)), .integer(Int64(added.videos)), .integer(Int64(added.gifs)), .integer(Int64(added.audios)),
                .integer(listID),
            ])
    }
}
