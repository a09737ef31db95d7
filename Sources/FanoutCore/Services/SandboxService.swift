import Foundation

/// Simulated fans and time, for building and testing against Fanout.
public struct SandboxService: Sendable {
    let store: any SandboxStore & DirectMessageStore
    /// Each creator's clock: the sandbox moves only the caller's creator's.
    public let clock: any AdjustableCreatorClock

    public init(store: any SandboxStore & DirectMessageStore, clock: any AdjustableCreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func fanSends(text: String, tip: Money?, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        switch try await store.standing(creatorID: creatorID, fanID: fanID) {
        case .subscribed: break
        case .blocked: throw FanoutError.badRequest("User \(fanID) is blocked by this creator: a blocked fan cannot write to them", field: "fanId")
        case .stranger, .lapsed: throw FanoutError.badRequest("User \(fanID) is not an active subscriber of this creator", field: "fanId")
        }
        if let tip, tip <= .zero || tip > Money(cents: 20_000) {
            throw FanoutError.badRequest("amount must be more than 0 and at most 200", field: "amount", allowed: "0.01 to 200")
        }
        if tip == nil && text.isEmpty {
            throw FanoutError.badRequest("A message needs text", field: "text")
        }
        return try await store.fanSendsMessage(creatorID: creatorID, fanID: fanID, text: text, tip: tip, at: clock.now(creatorID: creatorID))
    }

    /// Opening is idempotent: the second open changes nothing.
    public func fanOpens(messageID: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        let message = try await creatorsMessage(messageID, creatorID: creatorID, fanID: fanID)
        _ = try await store.fanOpensMessage(id: messageID, creatorID: creatorID, fanID: fanID, at: clock.now(creatorID: creatorID))
        return try await store.message(id: message.id, creatorID: creatorID, fanID: fanID) ?? message
    }

    public func fanBuys(messageID: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        let message = try await creatorsMessage(messageID, creatorID: creatorID, fanID: fanID)
        guard !message.price.isZero else {
            throw FanoutError.badRequest("Message \(messageID) is free: there is nothing to buy", field: "messageId")
        }
        guard try await store.fanBuysMessage(id: messageID, creatorID: creatorID, fanID: fanID, at: clock.now(creatorID: creatorID)) else {
            throw FanoutError.badRequest("Message \(messageID) was already bought by this fan", field: "messageId")
        }
        return try await store.message(id: message.id, creatorID: creatorID, fanID: fanID) ?? message
    }

    /// Now on the creator's clock.
    public func now(creatorID: Int64) -> Date { clock.now(creatorID: creatorID) }

    /// Moves the creator's clock (nobody else's) forward; its new now. Only
    /// an organization that alone connects the creator may: another's
    /// scheduled sends, windows and retries for that creator follow the
    /// same clock.
    @discardableResult
    public func advanceClock(creatorID: Int64, organizationID: Int64, by seconds: TimeInterval) async throws -> Date {
        guard seconds.isFinite, seconds > 0, seconds <= 366 * 86_400 else {
            throw FanoutError.badRequest("seconds must be more than 0 and at most a year", field: "seconds", allowed: "0 < seconds <= 31622400")
        }
        guard try await store.organizationIDs(connectedToCreator: creatorID).allSatisfy({ $0 == organizationID }) else {
            throw FanoutError.badRequest(
                "Creator \(creatorID) is connected to another organization too, whose time would move with it: its clock cannot be moved",
                field: "x-connection-id")
        }
        return try await clock.advance(creatorID: creatorID, by: seconds)
    }

    private func creatorsMessage(_ id: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        guard let message = try await store.message(id: id, creatorID: creatorID, fanID: fanID) else {
            throw FanoutError.notFound("Message \(id) not found in the chat with user \(fanID)")
        }
        guard message.isFromCreator else {
            throw FanoutError.badRequest("Message \(id) was sent by the fan", field: "messageId")
        }
        return message
    }
}
