import Foundation

/// A creator's vault: its media and the lists (folders) that sort them.
public protocol VaultStore: Sendable {
    /// In the query's order; a `listID` that is not one of the creator's lists finds nothing.
    func vaultMedia(creatorID: Int64, query: VaultMediaQuery) async throws -> Page<VaultMedia>
    func vaultSummary(creatorID: Int64) async throws -> VaultSummary
    /// Newest first; `search` matches the name case-insensitively.
    func vaultLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<VaultList>
    func vaultList(id: Int64, creatorID: Int64) async throws -> VaultList?
    /// nil when the creator already has a vault list of that name.
    func createVaultList(name: String, creatorID: Int64, at now: Date) async throws -> VaultList?
    /// nil when another vault list of the creator has that name (check that the list exists first).
    func renameVaultList(id: Int64, creatorID: Int64, to name: String) async throws -> VaultList?
    func deleteVaultList(id: Int64, creatorID: Int64) async throws -> Bool
    /// Puts every one of `mediaIDs` in the list in one transaction, or none:
    /// returns the first id that is not the creator's media, when one is not.
    /// Idempotent per media; the list's counts follow.
    func addMediaToVaultList(listID: Int64, mediaIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64?
}
