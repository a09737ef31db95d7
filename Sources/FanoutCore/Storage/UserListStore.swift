import Foundation

/// A creator's fan lists and their members.
public protocol UserListStore: Sendable {
    /// Newest first; `search` matches the name case-insensitively.
    func userLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<UserList>
    func userList(id: Int64, creatorID: Int64) async throws -> UserList?
    /// nil when the creator already has a list of that name.
    func createUserList(name: String, creatorID: Int64, at now: Date) async throws -> UserList?
    /// nil when another list of the creator has that name; throws nothing for a missing list (check first).
    func renameUserList(id: Int64, creatorID: Int64, to name: String) async throws -> UserList?
    func deleteUserList(id: Int64, creatorID: Int64) async throws -> Bool
    /// Most recently added first.
    func userListMembers(listID: Int64, page: PageRequest) async throws -> Page<UserProfile>
    /// Whether the user ever subscribed to the creator (active or not).
    func isSubscriber(creatorID: Int64, userID: Int64) async throws -> Bool
    /// Idempotent; keeps usersCount right.
    func addUserListMember(listID: Int64, userID: Int64, at now: Date) async throws
    /// Adds the user to every list of `listIDs` in one transaction, or to
    /// none: the first id that is not one of the creator's lists, when one is
    /// not. Idempotent per list; keeps usersCount right.
    func addUserToLists(userID: Int64, listIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64?
    /// Idempotent; keeps usersCount right.
    func removeUserListMember(listID: Int64, userID: Int64) async throws
}
