extension FanoutClient {
    /// One page of the creator's vault media (`limit` 1–100), newest first
    /// unless `sort` says otherwise; only `kind`, a file name containing
    /// `query`, or vault list `listID`'s media when given.
    public func vaultMediaPage(
        sort: VaultMediaSort? = nil, kind: Media.Kind? = nil, query: String? = nil, listID: Int? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Page<VaultMedia> {
        let page = try await call {
            try await api.listVaultMedia(query: .init(
                limit: limit, offset: offset, sort: sort?.wire, query: query, _type: kind?.vaultWire, listId: listID.map(String.init)
            )).ok.body.json
        }
        return Page(items: try page.list.map(VaultMedia.init), hasMore: page.hasMore, offset: offset, nextOffset: page.nextOffset)
    }

    /// Every vault media, page by page (by offset).
    public func vaultMedia(
        sort: VaultMediaSort? = nil, kind: Media.Kind? = nil, query: String? = nil, listID: Int? = nil, pageSize: Int = 20
    ) -> PagedSequence<VaultMedia> {
        .byOffset { offset in
            try await vaultMediaPage(sort: sort, kind: kind, query: query, listID: listID, limit: pageSize, offset: offset)
        }
    }

    /// One page of the creator's vault lists (`limit` 1–100), newest first,
    /// with the whole vault's counts.
    public func vaultListsPage(query: String? = nil, limit: Int = 10, offset: Int = 0) async throws -> VaultListsPage {
        let page = try await call { try await api.listVaultLists(query: .init(limit: limit, offset: offset, query: query)).ok.body.json }
        return VaultListsPage(page, offset: offset)
    }

    /// Every vault list, page by page (by offset).
    public func vaultLists(query: String? = nil, pageSize: Int = 10) -> PagedSequence<VaultList> {
        .byOffset { offset in
            let page = try await vaultListsPage(query: query, limit: pageSize, offset: offset)
            return Page(items: page.items, next: page.next)
        }
    }

    /// A vault list (404 when the creator has none of that id).
    public func vaultList(id: Int) async throws -> VaultList {
        VaultList(try await call { try await api.getVaultList(path: .init(listId: String(id))).ok.body.json })
    }

    /// A new vault list; `name` 1–100 characters, unique per creator.
    public func createVaultList(name: String, idempotencyKey: String? = nil) async throws -> VaultList {
        VaultList(try await call {
            try await api.createVaultList(headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name))).ok.body.json
        })
    }

    /// Renames a vault list.
    public func renameVaultList(id: Int, to name: String, idempotencyKey: String? = nil) async throws -> VaultList {
        VaultList(try await call {
            try await api.renameVaultList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(.init(name: name)))
                .ok.body.json
        })
    }

    /// Deletes a vault list; its media stay in the vault.
    public func deleteVaultList(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call { try await api.deleteVaultList(path: .init(listId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok }
    }

    /// One page of a vault list's media (`limit` 1–100); 404 for a list
    /// the creator does not have.
    public func vaultListMediaPage(
        listID: Int, sort: VaultMediaSort? = nil, kind: Media.Kind? = nil, query: String? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Page<VaultMedia> {
        let page = try await call {
            try await api.listVaultListMedia(
                path: .init(listId: String(listID)),
                query: .init(limit: limit, offset: offset, sort: sort?.listWire, query: query, _type: kind?.vaultListWire)
            ).ok.body.json
        }
        return Page(items: try page.list.map(VaultMedia.init), hasMore: page.hasMore, offset: offset, nextOffset: page.nextOffset)
    }

    /// Every media of a vault list, page by page (by offset).
    public func vaultListMedia(
        listID: Int, sort: VaultMediaSort? = nil, kind: Media.Kind? = nil, query: String? = nil, pageSize: Int = 20
    ) -> PagedSequence<VaultMedia> {
        .byOffset { offset in
            try await vaultListMediaPage(listID: listID, sort: sort, kind: kind, query: query, limit: pageSize, offset: offset)
        }
    }

    /// Adds 1–100 vault media to a list, all or none (404 naming the first
    /// that is not in the vault); adding twice is harmless. The list after.
    @discardableResult
    public func addVaultListMedia(listID: Int, mediaIDs: [Int], idempotencyKey: String? = nil) async throws -> VaultList {
        VaultList(try await call {
            try await api.addVaultListMedia(
                path: .init(listId: String(listID)), headers: .init(idempotencyKey: idempotencyKey),
                body: .json(.init(mediaIds: mediaIDs.map { .case1($0) }))
            ).ok.body.json.list
        })
    }
}
