public import Foundation

extension FanoutWebhook {
    /// Verifies deliveries and hands each event to the handler of its type.
    ///
    /// ```swift
    /// var router = FanoutWebhook.Router()
    /// router.on(.chatMessageReceived) { message, event in
    ///     print("\(event.connectionID ?? "-"): \(message.fromUser.id) wrote \(message.text)")
    /// }
    /// router.on(.massMessagePurchased) { purchase, _ in print(purchase.fan.username, purchase.amount) }
    /// router.fallback = { event in print("unhandled", event.type) }
    ///
    /// let event = try await router.handle(payload: body, headers: headers, secret: secret)
    /// ```
    ///
    /// A handler's error comes out of ``handle(payload:headers:secret:now:)``:
    /// answer it with a 5xx and Fanout sends the event again.
    public struct Router: Sendable {
        public typealias Handler = @Sendable (Event) async throws -> Void

        private var handlers: [String: Handler] = [:]
        /// Called with the events no handler is registered for (unknown
        /// types included); nil: they are accepted and dropped.
        public var fallback: Handler?

        public init(fallback: Handler? = nil) {
            self.fallback = fallback
        }

        /// Calls `handler` with the typed body of each event of `kind` (one
        /// handler per kind: a second replaces the first).
        public mutating func on<Payload>(
            _ kind: EventKind<Payload>, _ handler: @escaping @Sendable (Payload, Event) async throws -> Void
        ) {
            handlers[kind.type] = { event in
                if let payload = kind.payload(event.body) { try await handler(payload, event) }
            }
        }

        /// The verified event, after its handler (or the fallback) ran.
        ///
        /// - Throws: ``VerificationError`` before any handler runs, or the
        ///   handler's own error.
        @discardableResult
        public func handle(payload: Data, headers: [String: String], secret: String, now: Date = Date()) async throws -> Event {
            let event = try FanoutWebhook.verify(payload: payload, headers: headers, secret: secret, now: now)
            try await dispatch(event)
            return event
        }

        /// Hands an already verified event to its handler (or the fallback).
        public func dispatch(_ event: Event) async throws {
            if let handler = handlers[event.type] {
                try await handler(event)
            } else if let fallback {
                try await fallback(event)
            }
        }
    }
}
