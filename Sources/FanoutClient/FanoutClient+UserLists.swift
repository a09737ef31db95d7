internal import Foundation

extension FanoutClient {
    /// One page of the creator's user lists, newest first; `query` matches
    /// names (`limit` 1–100).
    public func userListsPage(query: String? = nil, limit: Int = 20, offset: Int = 0) async throws -> Page<UserList> {
        let page = try await call { try await api.listUserLists(query: .init(limit: limit, offset: offset, query: query)).ok.body.json }
        return Page(items: page.list.map(UserList.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every user list of the creator, page by page (by offset).
    public func userLists(query: String? = nil, pageSize: Int = 20) -> PagedSequence<UserList> {
        .byOffset { offset in try await userListsPage(query: query, limit: pageSize, offset: offset) }
    }

    /// One of the creator's user lists; another's, or none, is a 404.
    public func userList(id: Int) async throws -> UserList {
        UserList(try await call { try await api.getUserList(path: .init(listId: String(id))).ok.body.json })
    }

    /// A new user list: `name` 1–100 characters, unique among the creator's lists.
    public func createUserList(name: String, idempotencyKey: String? = nil) async throws -> UserList {
        UserList(try await call {
            try await api.createUserList(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name))).ok.body.json
        })
    }

    /// Renames a list (`name` as for a new one), returning it renamed.
    public func renameUserList(id: Int, to name: String, idempotencyKey: String? = nil) async throws -> UserList {
        UserList(try await call {
            try await api.renameUserList(
                path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name))
            ).ok.body.json
        })
    }

    /// Deletes a list; scheduled mass messages that target it lose its members.
    public func deleteUserList(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.deleteUserList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok.body.json
        }
    }

    /// One page of a list's members, most recently added first (`limit` 1–100).
    public func userListMembersPage(listID: Int, limit: Int = 20, offset: Int = 0) async throws -> Page<User> {
        let page = try await call {
            try await api.listUserListMembers(path: .init(listId: String(listID)), query: .init(limit: limit, offset: offset)).ok.body.json
        }
        return Page(items: page.list.map(User.init), hasMore: page.hasMore, offset: offset, nextOffset: page.nextOffset)
    }

    /// Every member of a list, page by page (by the server's `nextOffset`).
    public func userListMembers(listID: Int, pageSize: Int = 20) -> PagedSequence<User> {
        .byOffset { offset in try await userListMembersPage(listID: listID, limit: pageSize, offset: offset) }
    }

    /// Adds a fan (a subscriber now or before) to a list, returning the
    /// list; adding twice is harmless.
    public func addUserListMember(listID: Int, userID: Int, idempotencyKey: String? = nil) async throws -> UserList {
        UserList(try await call {
            try await api.addUserListMember(
                path: .init(listId: String(listID), userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey)
            ).ok.body.json.list
        })
    }

    /// Takes a user off a list, returning the list; removing a non-member is harmless.
    public func removeUserListMember(listID: Int, userID: Int, idempotencyKey: String? = nil) async throws -> UserList {
        UserList(try await call {
            try await api.removeUserListMember(
                path: .init(listId: String(listID), userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey)
            ).ok.body.json.list
        })
    }

    /// Adds a fan to 1–5 of the creator's lists at once, all or none: a
    /// list that is not the creator's is a 404, and the fan is then on none.
    public func addUserToLists(userID: Int, listIDs: [Int], idempotencyKey: String? = nil) async throws -> ListsMembership {
        ListsMembership(try await call {
            try await api.addUserToLists(
                path: .init(userId: String(userID)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(listIds: listIDs))
            ).ok.body.json
        })
    }
}
