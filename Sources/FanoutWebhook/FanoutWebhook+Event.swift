public import FanoutClient
public import Foundation

extension FanoutWebhook {
    /// A verified delivery: the envelope every event shares, and its body
    /// typed by its `type`.
    public struct Event: Sendable, Hashable, Identifiable {
        /// The delivery's `webhook-id`: the same on every retry of one event,
        /// so handle each id once.
        public var id: String
        /// The event's type as sent (`realtime.chat_message.received`, …).
        public var type: String
        /// When it happened (on the creator's clock, which the sandbox can
        /// move); the signing time for an envelope that carries none.
        public var timestamp: Date
        /// The connection it concerns; nil for the test event.
        public var connectionID: String?
        public var environment: Environment
        public var body: Body

        public init(id: String, type: String, timestamp: Date, connectionID: String?, environment: Environment, body: Body) {
            self.id = id
            self.type = type
            self.timestamp = timestamp
            self.connectionID = connectionID
            self.environment = environment
            self.body = body
        }

        /// What an event carries, by its type.
        public enum Body: Sendable, Hashable {
            /// `realtime.chat_message.received`: a fan's message, as the chat shows it.
            case chatMessageReceived(FanoutClient.Message)
            /// `realtime.chat_message.deleted`: a message unsent.
            case chatMessageDeleted(DeletedMessage)
            /// `fanout.mass_message.sent`: a mass message delivered to all its
            /// recipients, as the API shows it.
            case massMessageSent(FanoutClient.MassMessage)
            /// `fanout.mass_message.purchased`: a fan bought a mass message.
            case massMessagePurchased(MassMessagePurchase)
            /// `connection.created`, `connection.updated`, `connection.expired`:
            /// the connection as it is now (one deleted: `expired`, no
            /// permissions). The event's dates are not in it.
            case connectionCreated(FanoutClient.Connection)
            case connectionUpdated(FanoutClient.Connection)
            case connectionExpired(FanoutClient.Connection)
            /// `webhook.test`: sent by `POST /webhooks/{id}/test`.
            case test(TestEvent)
            /// A type this version does not know: the whole body, as received.
            case unknown(type: String, payload: Data)
        }
    }

    /// Where an event happened: `sandbox` while Fanout's sandbox API is
    /// on, `live` otherwise. Another value is kept as it came.
    public struct Environment: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        public static let live = Environment(rawValue: "live")
        public static let sandbox = Environment(rawValue: "sandbox")
    }

    /// A chat message unsent. Chats are addressed by the fan's id, so
    /// `chatID` and `withUserID` are the same.
    public struct DeletedMessage: Sendable, Hashable, Identifiable {
        public var id: Int
        public var chatID: Int
        public var withUserID: Int

        public init(id: Int, chatID: Int, withUserID: Int) {
            self.id = id
            self.chatID = chatID
            self.withUserID = withUserID
        }
    }

    /// A fan's purchase of a mass message: the message they got of it and
    /// what they paid.
    public struct MassMessagePurchase: Sendable, Hashable {
        public struct Fan: Sendable, Hashable, Identifiable {
            public var id: Int
            public var name: String
            public var username: String

            public init(id: Int, name: String, username: String) {
                self.id = id
                self.name = name
                self.username = username
            }
        }

        public var massMessageID: Int
        /// The chat message the fan received of it (and bought).
        public var messageID: Int
        public var fan: Fan
        public var amount: Decimal
        public var createdAt: Date

        public init(massMessageID: Int, messageID: Int, fan: Fan, amount: Decimal, createdAt: Date) {
            self.massMessageID = massMessageID
            self.messageID = messageID
            self.fan = fan
            self.amount = amount
            self.createdAt = createdAt
        }
    }

    /// The body of `webhook.test`.
    public struct TestEvent: Sendable, Hashable {
        /// The endpoint the test was asked for.
        public var webhookID: Int
        public var message: String

        public init(webhookID: Int, message: String) {
            self.webhookID = webhookID
            self.message = message
        }
    }
}
