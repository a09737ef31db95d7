import Foundation

extension FanoutClient {
    /// One page of the creator's vault media.
    public func vaultMedia(query: String? = nil, listID: Int? = nil, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.VaultMediaPage {
        try await call {
            try await api.listVaultMedia(query: .init(limit: limit, offset: offset, query: query, listId: listID.map(String.init))).ok.body.json
        }
    }

    /// One page of the creator's vault lists.
    public func vaultLists(query: String? = nil, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.VaultListPage {
        try await call { try await api.listVaultLists(query: .init(limit: limit, offset: offset, query: query)).ok.body.json }
    }

    public func vaultList(id: Int) async throws -> Components.Schemas.VaultList {
        try await call { try await api.getVaultList(path: .init(listId: String(id))).ok.body.json }
    }

    public func createVaultList(name: String, idempotencyKey: String? = nil) async throws -> Components.Schemas.VaultList {
        try await call { try await api.createVaultList(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name))).ok.body.json }
    }

    public func renameVaultList(id: Int, to name: String, idempotencyKey: String? = nil) async throws -> Components.Schemas.VaultList {
        try await call {
            try await api.renameVaultList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name)))
                .ok.body.json
        }
    }

    public func deleteVaultList(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call { try await api.deleteVaultList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok }
    }

    /// One page of a vault list's media.
    public func vaultListMedia(listID: Int, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.VaultMediaPage {
        try await call { try await api.listVaultListMedia(path: .init(listId: String(listID)), query: .init(limit: limit, offset: offset)).ok.body.json }
    }

    /// Adds 1–100 vault media to a list, all or none.
    public func addVaultListMedia(listID: Int, mediaIDs: [Int], idempotencyKey: String? = nil) async throws -> Components.Schemas.VaultListMembershipResponse {
        try await call {
            try await api.addVaultListMedia(
                path: .init(listId: String(listID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(mediaIds: mediaIDs.map { .case1($0) }))
            ).ok.body.json
        }
    }
}
