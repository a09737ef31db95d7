import Foundation

/// Fan lists, with their rules: names 1–100 characters and unique per
/// creator; members are the creator's subscribers (current or past).
public struct UserListService: Sendable {
    let store: any UserListStore
    let clock: any CreatorClock

    public init(store: any UserListStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func lists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<UserList> {
        if SearchText.findsNothing(search) { return Page(fetched: [], limit: page.limit) }
        return try await store.userLists(creatorID: creatorID, page: page, search: search)
    }

    public func list(id: Int64, creatorID: Int64) async throws -> UserList {
        guard let list = try await store.userList(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("List \(id) not found")
        }
        return list
    }

    public func create(name: String, creatorID: Int64) async throws -> UserList {
        let name = try Self.validName(name)
        guard let list = try await store.createUserList(name: name, creatorID: creatorID, at: clock.now(creatorID: creatorID)) else {
            throw Self.duplicate(name)
        }
        return list
    }

    public func rename(id: Int64, to name: String, creatorID: Int64) async throws -> UserList {
        let name = try Self.validName(name)
        _ = try await list(id: id, creatorID: creatorID)
        guard let list = try await store.renameUserList(id: id, creatorID: creatorID, to: name) else { throw Self.duplicate(name) }
        return list
    }

    public func delete(id: Int64, creatorID: Int64) async throws {
        guard try await store.deleteUserList(id: id, creatorID: creatorID) else { throw FanoutError.notFound("List \(id) not found") }
    }

    public func members(listID: Int64, creatorID: Int64, page: PageRequest) async throws -> Page<UserProfile> {
        _ = try await list(id: listID, creatorID: creatorID)
        return try await store.userListMembers(listID: listID, page: page)
    }

    public func add(userID: Int64, toList listID: Int64, creatorID: Int64) async throws -> UserList {
        _ = try await list(id: listID, creatorID: creatorID)
        guard try await store.isSubscriber(creatorID: creatorID, userID: userID) else {
            throw FanoutError.badRequest("User \(userID) is not a subscriber of this creator: only fans can be listed", field: "userId")
        }
        try await store.addUserListMember(listID: listID, userID: userID, at: clock.now(creatorID: creatorID))
        return try await list(id: listID, creatorID: creatorID)
    }

    /// The user on each of `listIDs` (1 to 5), all or none.
    public func add(userID: Int64, toLists listIDs: [Int64], creatorID: Int64) async throws -> [Int64] {
        // Stops at the sixth distinct id: a long array costs no more than that.
        var unique: [Int64] = []
        for id in listIDs where !unique.contains(id) {
            unique.append(id)
            if unique.count > 5 { break }
        }
        guard (1...5).contains(unique.count) else {
            throw FanoutError.badRequest("listIds must hold 1 to 5 list ids", field: "listIds", allowed: "1 to 5 list ids")
        }
        guard try await store.isSubscriber(creatorID: creatorID, userID: userID) else {
            throw FanoutError.badRequest("User \(userID) is not a subscriber of this creator: only fans can be listed", field: "userId")
        }
        if let missing = try await store.addUserToLists(userID: userID, listIDs: unique, creatorID: creatorID, at: clock.now(creatorID: creatorID)) {
            throw FanoutError.notFound("List \(missing) not found: the user was added to no list")
        }
        return unique
    }

    public func remove(userID: Int64, fromList listID: Int64, creatorID: Int64) async throws -> UserList {
        _ = try await list(id: listID, creatorID: creatorID)
        try await store.removeUserListMember(listID: listID, userID: userID)
        return try await list(id: listID, creatorID: creatorID)
    }

    static func validName(_ name: String) throws(FanoutError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.unicodeScalars.count) else {
            throw .badRequest("name must be 1 to 100 characters", field: "name", allowed: "1 to 100 characters")
        }
        return trimmed
    }

    static func duplicate(_ name: String) -> FanoutError {
        .badRequest("A list named '\(name)' already exists", field: "name")
    }
}
