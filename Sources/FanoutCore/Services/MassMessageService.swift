/// Reading and withdrawing mass messages, with the unsend rules.
public struct MassMessageService: Sendable {
    let store: any MassMessageStore
    let clock: any CreatorClock
    public let policy: MessagingPolicy

    public init(store: any MassMessageStore, clock: any CreatorClock, policy: MessagingPolicy) {
        self.store = store
        self.clock = clock
        self.policy = policy
    }

    public func list(creatorID: Int64, type: MassMessageListType?, page: PageRequest) async throws -> Page<MassMessage> {
        try await store.massMessages(creatorID: creatorID, type: type, page: page)
    }

    public func get(id: Int64, creatorID: Int64) async throws -> MassMessage {
        guard let message = try await store.massMessage(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Mass message \(id) not found")
        }
        return message
    }

    /// DELETE: a scheduled one is deleted; a queued one is canceled; a sent one
    /// is unsent while its window is open. Returns the mass message as it
    /// stands afterwards (as it was, for a deleted one).
    public func withdraw(id: Int64, creatorID: Int64) async throws -> MassMessage {
        let message = try await get(id: id, creatorID: creatorID)
        let now = clock.now(creatorID: creatorID)
        let outcome: MassMessage?
        switch message.state {
        case .scheduled:
            outcome = try await store.deleteScheduledMassMessage(id: id, creatorID: creatorID) ? message : nil
        case .queued:
            outcome = try await store.recallMassMessage(id: id, creatorID: creatorID, ifIn: [.queued], sentNotBefore: nil, at: now)
        case .sent:
            guard policy.canUnsend(message, now: now) else {
                throw FanoutError.badRequest(
                    "Mass message \(id) can no longer be unsent: the unsend window of \(Int(policy.unsendWindow)) seconds after sending has closed",
                    field: "massMessageId")
            }
            outcome = try await store.recallMassMessage(
                id: id, creatorID: creatorID, ifIn: [.sent],
                sentNotBefore: now.addingTimeInterval(-policy.unsendWindow), at: now)
        case .canceled:
            throw FanoutError.notFound("Mass message \(id) not found: it was already unsent")
        }
        // nil: its state moved between the read and the write (it started
        // sending, or finished); decide again from the new state.
        if let outcome { return outcome }
        return try await withdraw(id: id, creatorID: creatorID)
    }
}
