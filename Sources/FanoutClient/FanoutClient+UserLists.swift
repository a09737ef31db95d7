import Foundation

extension FanoutClient {
    /// One page of the creator's fan lists, newest first (`limit` 1–100).
    public func userLists(query: String? = nil, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.UserListPage {
        try await call { try await api.listUserLists(query: .init(limit: limit, offset: offset, query: query)).ok.body.json }
    }

    public func userList(id: Int) async throws -> UserList {
        try await call { try await api.getUserList(path: .init(listId: String(id))).ok.body.json }
    }

    public func createUserList(name: String, idempotencyKey: String? = nil) async throws -> UserList {
        try await call { try await api.createUserList(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name))).ok.body.json }
    }

    public func renameUserList(id: Int, to name: String, idempotencyKey: String? = nil) async throws -> UserList {
        try await call {
            try await api.renameUserList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name)))
                .ok.body.json
        }
    }

    public func deleteUserList(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call { try await api.deleteUserList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok }
    }

    /// One page of a list's members, most recently added first.
    public func userListMembers(listID: Int, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.ListUserPage {
        try await call { try await api.listUserListMembers(path: .init(listId: String(listID)), query: .init(limit: limit, offset: offset)).ok.body.json }
    }

    public func addUserListMember(listID: Int, userID: Int, idempotencyKey: String? = nil) async throws -> ListMembership {
        try await call {
            try await api.addUserListMember(path: .init(listId: String(listID), userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey))
                .ok.body.json
        }
    }

    public func removeUserListMember(listID: Int, userID: Int, idempotencyKey: String? = nil) async throws -> ListMembership {
        try await call {
            try await api.removeUserListMember(path: .init(listId: String(listID), userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey))
                .ok.body.json
        }
    }

    /// Adds the user to every list of `listIDs`, or to none.
    public func addUserToLists(userID: Int, listIDs: [Int], idempotencyKey: String? = nil) async throws -> ListsMembership {
        try await call {
            try await api.addUserToLists(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(listIds: listIDs))
            ).ok.body.json
        }
    }
}
