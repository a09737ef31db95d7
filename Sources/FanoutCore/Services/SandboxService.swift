import Foundation

/// Simulated fans and time, for building and testing against Fanout.
public struct SandboxService: Sendable {
    let store: any SandboxStore & DirectMessageStore
    public let clock: any AdjustableClock

    public init(store: any SandboxStore & DirectMessageStore, clock: any AdjustableClock) {
        self.store = store
        self.clock = clock
    }

    public func fanSends(text: String, tip: Money?, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        guard try await store.isActiveSubscriber(creatorID: creatorID, fanID: fanID) else {
            throw FanoutError.badRequest("User \(fanID) is not an active subscriber of this creator", field: "fanId")
        }
        if let tip, tip <= .zero || tip > Money(cents: 20_000) {
            throw FanoutError.badRequest("amount must be more than 0 and at most 200", field: "amount", allowed: "0.01 to 200")
        }
        if tip == nil && text.isEmpty {
            throw FanoutError.badRequest("A message needs text", field: "text")
        }
        return try await store.fanSendsMessage(creatorID: creatorID, fanID: fanID, text: text, tip: tip, at: clock.now())
    }

    /// Opening is idempotent: the second open changes nothing.
    public func fanOpens(messageID: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        let message = try await creatorsMessage(messageID, creatorID: creatorID, fanID: fanID)
        _ = try await store.fanOpensMessage(id: messageID, creatorID: creatorID, fanID: fanID, at: clock.now())
        return try await store.message(id: message.id, creatorID: creatorID, fanID: fanID) ?? message
    }

    public func fanBuys(messageID: Int64, creatorID: Int64, fanID: Int64) async throws -> ChatMessage {
        let message = try await creatorsMessage(messageID, creatorID: creatorID, fanID: fanID)
        guard !message.price.isZero else {
            throw FanoutError.badRequest("Message \(messageID) is free: there is nothing to buy", field: "messageId")
        }
        guard try await store.fanBuysMessage(id: messageID, creatorID: creatorID, fanID: fanID, at: clock.now()) else {
            throw FanoutError.badRequest("Message \(messageID) was already bought by this fan", field: "messageId")
        }
        return try await store.message(id: message.id, creatorID: creatorID, fanID: fanID) ?? message
    }

    @discardableResult
    public func advanceClock(by seconds: TimeInterval) async throws -> Date {
        guard seconds.isFinite, seconds > 0, seconds <= 366 * 86_400 else {
            throw FanoutError.badRequest("seconds must be more than 0 and at most a year", field: "seconds", allowed: "0 < seconds <= 31622400")
        }
        return try await clock.advance(by: seconds)
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
