import Foundation

/// The vault and its lists, with their rules: list names 1–100 characters
/// and unique per creator; a list holds only its creator's media.
public struct VaultService: Sendable {
    let store: any VaultStore
    let clock: any CreatorClock

    /// How many media one call may add to a list.
    public static let maxMediaPerAdd = 100

    public init(store: any VaultStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func media(creatorID: Int64, query: VaultMediaQuery) async throws -> Page<VaultMedia> {
        if SearchText.findsNothing(query.search) { return Page(fetched: [], limit: query.page.limit) }
        return try await store.vaultMedia(creatorID: creatorID, query: query)
    }

    /// A list's media: 404 when the list is not the creator's.
    public func media(inList listID: Int64, creatorID: Int64, query: VaultMediaQuery) async throws -> Page<VaultMedia> {
        _ = try await list(id: listID, creatorID: creatorID)
        var query = query
        query.listID = listID
        return try await media(creatorID: creatorID, query: query)
    }

    public func lists(creatorID: Int64, page: PageRequest, search: String?) async throws -> (page: Page<VaultList>, summary: VaultSummary) {
        let summary = try await store.vaultSummary(creatorID: creatorID)
        if SearchText.findsNothing(search) { return (Page(fetched: [], limit: page.limit), summary) }
        return (try await store.vaultLists(creatorID: creatorID, page: page, search: search), summary)
    }

    public func list(id: Int64, creatorID: Int64) async throws -> VaultList {
        guard let list = try await store.vaultList(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Vault list \(id) not found")
        }
        return list
    }

    public func create(name: String, creatorID: Int64) async throws -> VaultList {
        let name = try UserListService.validName(name)
        guard let list = try await store.createVaultList(name: name, creatorID: creatorID, at: clock.now(creatorID: creatorID)) else {
            throw Self.duplicate(name)
        }
        return list
    }

    public func rename(id: Int64, to name: String, creatorID: Int64) async throws -> VaultList {
        let name = try UserListService.validName(name)
        _ = try await list(id: id, creatorID: creatorID)
        guard let list = try await store.renameVaultList(id: id, creatorID: creatorID, to: name) else { throw Self.duplicate(name) }
        return list
    }

    /// The media stay in the vault; only the folder goes.
    public func delete(id: Int64, creatorID: Int64) async throws {
        guard try await store.deleteVaultList(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Vault list \(id) not found")
        }
    }

    /// Puts 1 to 100 of the creator's media in the list, all or none.
    public func add(mediaIDs: [Int64], toList listID: Int64, creatorID: Int64) async throws -> VaultList {
        guard (1...Self.maxMediaPerAdd).contains(mediaIDs.count) else {
            throw FanoutError.badRequest(
                "mediaIds must hold 1 to \(Self.maxMediaPerAdd) vault media ids", field: "mediaIds",
                allowed: "1 to \(Self.maxMediaPerAdd) vault media ids")
        }
        var seen = Set<Int64>()
        let unique = mediaIDs.filter { seen.insert($0).inserted }
        _ = try await list(id: listID, creatorID: creatorID)
        if let missing = try await store.addMediaToVaultList(listID: listID, mediaIDs: unique, creatorID: creatorID, at: clock.now(creatorID: creatorID)) {
            throw FanoutError.notFound("Media \(missing) not found in this creator's vault: nothing was added")
        }
        return try await list(id: listID, creatorID: creatorID)
    }

    static func duplicate(_ name: String) -> FanoutError {
        .badRequest("A vault list named '\(name)' already exists", field: "name")
    }
}
