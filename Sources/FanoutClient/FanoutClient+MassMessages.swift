internal import Foundation

extension FanoutClient {
    /// Which mass messages a list keeps, the API's partition of every mass
    /// message's state.
    public enum MassMessageListType: String, Sendable, Hashable, CaseIterable {
        /// Delivered, and not unsent.
        case sent
        /// Not (or no longer) delivered: still being delivered, or unsent.
        case unsent
        /// Waiting for their scheduled date.
        case scheduled
    }

    /// One page of mass messages of `type` (all when nil), newest first (`limit` 1–20).
    public func massMessagesPage(type: MassMessageListType? = nil, limit: Int = 20, offset: Int = 0) async throws -> Page<MassMessage> {
        let page = try await call {
            try await api.listMassMessages(query: .init(limit: limit, offset: offset, _type: type?.wire)).ok.body.json
        }
        return Page(items: try page.list.map(MassMessage.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every mass message of `type` (all when nil), newest first, page by page by offset.
    public func massMessages(type: MassMessageListType? = nil, pageSize: Int = 20) -> PagedSequence<MassMessage> {
        .byOffset { offset in try await massMessagesPage(type: type, limit: pageSize, offset: offset) }
    }

    /// One page of the scheduled mass messages, newest first (`limit` 1–20):
    /// what `massMessagesPage(type: .scheduled)` lists.
    public func scheduledMassMessagesPage(limit: Int = 20, offset: Int = 0) async throws -> Page<MassMessage> {
        let page = try await call {
            try await api.listScheduledMassMessages(query: .init(limit: limit, offset: offset)).ok.body.json
        }
        return Page(items: try page.list.map(MassMessage.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every scheduled mass message, newest first, page by page by offset.
    public func scheduledMassMessages(pageSize: Int = 20) -> PagedSequence<MassMessage> {
        .byOffset { offset in try await scheduledMassMessagesPage(limit: pageSize, offset: offset) }
    }

    /// One mass message of this connection, in any state (404 for another's).
    public func massMessage(id: Int) async throws -> MassMessage {
        try MassMessage(try await call { try await api.getMassMessage(path: .init(massMessageId: String(id))).ok.body.json })
    }

    /// Sends `draft` now, or at its `scheduledDate`; delivery runs in the
    /// background (watch `pendingCount` and `state`). `idempotencyKey`: one
    /// of your own (nil: the client makes one; either way its retries share it).
    public func createMassMessage(_ draft: MassMessageDraft, idempotencyKey: String? = nil) async throws -> CreatedMassMessage {
        try CreatedMassMessage(try await call {
            try await api.createMassMessage(headers: .init(idempotencyKey: idempotencyKey), body: .json(draft.wire)).ok.body.json
        })
    }

    /// Replaces a scheduled mass message with `draft` (400 once it started sending).
    public func replaceMassMessage(id: Int, with draft: MassMessageDraft, idempotencyKey: String? = nil) async throws -> CreatedMassMessage {
        try CreatedMassMessage(try await call {
            try await api.replaceMassMessage(
                path: .init(massMessageId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(draft.wire)
            ).ok.body.json
        })
    }

    /// Deletes a scheduled or queued mass message, or unsends a sent one
    /// while its unsend window is open (after it: 400; a second time: 404).
    public func deleteMassMessage(id: Int, idempotencyKey: String? = nil) async throws -> DeletedMassMessage {
        try DeletedMassMessage(try await call {
            try await api.deleteMassMessage(path: .init(massMessageId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok.body.json
        })
    }
}

extension FanoutClient.MassMessageListType {
    var wire: Operations.ListMassMessages.Input.Query._TypePayload {
        switch self {
        case .sent: .sent
        case .unsent: .unsent
        case .scheduled: .scheduled
        }
    }
}
