import FanoutCore
import Foundation

/// A creator's lists of fans: the statements whose text is the same on
/// both engines (searching, renaming and locking differ).
public enum UserListStatements {
    /// The columns a list is read from, in this order.
    public static let columns = "id, creator_id, name, users_count, created_at"

    /// The profile columns of a member `u`, in this order.
    static let memberColumns = "u.id, u.name, u.username, u.avatar, u.is_verified"

    public static func select(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("SELECT \(columns) FROM user_list WHERE id = ? AND creator_id = ?", [.integer(id), .integer(creatorID)])
    }

    /// A new list, none when the creator has one of that name; returns its id.
    public static func insert(name: String, creatorID: Int64, at now: Date) -> SQLStatement {
        SQLStatement(
            "INSERT INTO user_list (creator_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (creator_id, name) DO NOTHING RETURNING id",
            [.integer(creatorID), .text(name), .date(now)])
    }

    /// A row when the list was deleted.
    public static func delete(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM user_list WHERE id = ? AND creator_id = ? RETURNING 1", [.integer(id), .integer(creatorID)])
    }

    /// A page of members, most recently added first (one more than the page).
    public static func members(listID: Int64, page: PageRequest) -> SQLStatement {
        SQLStatement("""
            SELECT \(memberColumns) FROM user_list_member m JOIN app_user u ON u.id = m.fan_id
            WHERE m.list_id = ? ORDER BY m.added_at DESC, m.fan_id DESC LIMIT ? OFFSET ?
            """, [.integer(listID), .integer(Int64(page.limit) + 1), .integer(Int64(page.offset))])
    }

    /// The ten members added last.
    public static func recentMembers(listID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT \(memberColumns) FROM user_list_member m JOIN app_user u ON u.id = m.fan_id
            WHERE m.list_id = ? ORDER BY m.added_at DESC, m.fan_id DESC LIMIT 10
            """, [.integer(listID)])
    }

    public static func isSubscriber(creatorID: Int64, userID: Int64) -> SQLStatement {
        SQLStatement("SELECT EXISTS (SELECT 1 FROM subscription WHERE creator_id = ? AND fan_id = ?)", [.integer(creatorID), .integer(userID)])
    }

    /// A row when the user was not on the list yet.
    public static func insertMember(listID: Int64, userID: Int64, at now: Date) -> SQLStatement {
        SQLStatement(
            "INSERT INTO user_list_member (list_id, fan_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            [.integer(listID), .integer(userID), .date(now)])
    }

    /// A row when the user was on the list.
    public static func deleteMember(listID: Int64, userID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM user_list_member WHERE list_id = ? AND fan_id = ? RETURNING 1", [.integer(listID), .integer(userID)])
    }

    /// Moves the list's member count by `delta` (one member added or removed).
    public static func countMembers(listID: Int64, delta: Int64) -> SQLStatement {
        SQLStatement("UPDATE user_list SET users_count = users_count + ? WHERE id = ?", [.integer(delta), .integer(listID)])
    }
}
