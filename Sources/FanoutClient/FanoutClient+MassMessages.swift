import Foundation

extension FanoutClient {
    public typealias MassMessageType = Operations.ListMassMessages.Input.Query._TypePayload

    /// One page of mass messages, newest first (`limit` 1–20).
    public func massMessagesPage(type: MassMessageType? = nil, limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.QueueItemList {
        try await call { try await api.listMassMessages(query: .init(limit: limit, offset: offset, _type: type)).ok.body.json }
    }

    /// Every mass message of `type` (all when nil), newest first, page by
    /// page (by offset, until `hasMore` is false).
    public func massMessages(type: MassMessageType? = nil, pageSize: Int = 20) -> PagedSequence<MassMessage> {
        PagedSequence(first: .offset(0)) { cursor in
            guard case .offset(let offset) = cursor else { return .init(items: [], next: nil) }
            let page = try await massMessagesPage(type: type, limit: pageSize, offset: offset)
            return .init(items: page.list, next: page.hasMore ? .offset(offset + page.list.count) : nil)
        }
    }

    /// One mass message of this connection, in any state.
    public func massMessage(id: Int) async throws -> MassMessage {
        try await call { try await api.getMassMessage(path: .init(massMessageId: String(id))).ok.body.json }
    }

    /// Sends now, or at the body's `scheduledDate`. `idempotencyKey`: one of
    /// your own (nil: the client makes one; either way its retries share it).
    public func createMassMessage(_ body: MassMessageBody, idempotencyKey: String? = nil) async throws -> MassMessageCreated {
        try await call {
            try await api.createMassMessage(headers: .init(idempotencyKey: idempotencyKey), body: .json(body)).ok.body.json
        }
    }

    /// Replaces a scheduled mass message.
    public func replaceMassMessage(id: Int, with body: MassMessageBody, idempotencyKey: String? = nil) async throws -> MassMessageCreated {
        try await call {
            try await api.replaceMassMessage(
                path: .init(massMessageId: String(id)), headers: .init(idempotencyKey: idempotencyKey), body: .json(body)
            ).ok.body.json
        }
    }

    /// Deletes a scheduled or queued mass message, or unsends a sent one in its window.
    public func deleteMassMessage(id: Int, idempotencyKey: String? = nil) async throws -> DeletedMassMessage {
        try await call {
            try await api.deleteMassMessage(path: .init(massMessageId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok.body.json
        }
    }

    /// One page of the scheduled ones, newest first.
    public func scheduledMassMessagesPage(limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.QueueItemList {
        try await call { try await api.listScheduledMassMessages(query: .init(limit: limit, offset: offset)).ok.body.json }
    }
}
