/// Creating and editing mass messages: the draft's rules, and that every
/// media item and list it names is this creator's.
public struct MassMessageComposer: Sendable {
    let store: any FanOutStore & MassMessageStore
    let clock: any CreatorClock

    public init(store: any FanOutStore & MassMessageStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func create(_ draft: MassMessageDraft, creatorID: Int64) async throws -> MassMessage {
        let now = clock.now(creatorID: creatorID)
        try draft.validate(now: now)
        try await checkReferences(draft, creatorID: creatorID)
        return try await store.createMassMessage(draft, creatorID: creatorID, at: now)
    }

    /// PUT: only a scheduled mass message can be edited.
    public func replace(id: Int64, with draft: MassMessageDraft, creatorID: Int64) async throws -> MassMessage {
        guard let current = try await store.massMessage(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Mass message \(id) not found")
        }
        guard current.state == .scheduled else { throw Self.notEditable(id) }
        let now = clock.now(creatorID: creatorID)
        try draft.validate(now: now)
        try await checkReferences(draft, creatorID: creatorID)
        guard let updated = try await store.replaceScheduledMassMessage(id: id, creatorID: creatorID, with: draft, at: now) else {
            throw Self.notEditable(id)
        }
        return updated
    }

    static func notEditable(_ id: Int64) -> FanoutError {
        .badRequest("Mass message \(id) can no longer be edited: it has started sending", field: "massMessageId")
    }

    private func checkReferences(_ draft: MassMessageDraft, creatorID: Int64) async throws {
        let media = try await store.ownedMediaIDs(draft.content.mediaIDs, creatorID: creatorID)
        let unknownMedia = draft.content.mediaIDs.filter { !media.contains($0) }
        if !unknownMedia.isEmpty {
            throw FanoutError.badRequest(
                "Unknown media in mediaItems: \(unknownMedia.map(String.init).joined(separator: ", ")) (not in this creator's vault)",
                field: "mediaItems")
        }
        for (field, ids) in [("userLists", draft.audience.listIDs), ("excludeUserLists", draft.audience.excludedListIDs)] {
            let owned = try await store.ownedListIDs(ids, creatorID: creatorID)
            let unknown = ids.filter { !owned.contains($0) }
            if !unknown.isEmpty {
                throw FanoutError.badRequest("Unknown lists in \(field): \(unknown.map(String.init).joined(separator: ", "))", field: field)
            }
        }
    }
}
