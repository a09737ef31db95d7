import FanoutClient
internal import Foundation

extension FanoutWebhook.Event {
    /// The event of a verified `payload`: Fanout's realtime envelope
    /// (`{type, eventType, timestamp, data: {connection, environment,
    /// eventBody}}`) or a connection event (`{eventType, live, timestamp,
    /// data: {connection, clientReferenceId}}`), its body decoded with the
    /// client's wire types.
    init(id: String, payload: Data, signedAt: Date) throws {
        let decoder = JSONDecoder()
        do {
            let named = try decoder.decode(TypeName.self, from: payload)
            guard let type = named.eventType ?? named.type else { throw FanoutWebhook.VerificationError.undecodableBody("no type") }
            // A type this library does not know yet is only asked for its
            // type: its envelope may be shaped otherwise.
            let known = Self.knownTypes.contains(type)
            let head = known ? try decoder.decode(Head.self, from: payload) : (try? decoder.decode(Head.self, from: payload)) ?? Head()
            let environment: FanoutWebhook.Environment
            if let name = head.data?.environment {
                environment = .init(rawValue: name)
            } else if let live = head.live {
                environment = live ? .live : .sandbox
            } else if known {
                throw FanoutWebhook.VerificationError.undecodableBody("no environment")
            } else {
                environment = .init(rawValue: "")
            }
            let timestamp = known
                ? try head.timestamp.map { try WireValue.date($0, field: "timestamp") }
                : head.timestamp.flatMap { try? WireValue.date($0, field: "timestamp") }
            self.init(
                id: id, type: type, timestamp: timestamp ?? signedAt,
                connectionID: head.data?.connection?.id, environment: environment,
                body: try Self.body(type: type, payload: payload, decoder: decoder))
        } catch let error as FanoutWebhook.VerificationError {
            throw error
        } catch let error as DecodingError {
            throw FanoutWebhook.VerificationError.undecodableBody(Self.describe(error))
        } catch let error as FanoutClientError {
            throw FanoutWebhook.VerificationError.undecodableBody(error.message)
        } catch {
            throw FanoutWebhook.VerificationError.undecodableBody("\(error)")
        }
    }

    static let knownTypes: Set<String> = [
        "realtime.chat_message.received", "realtime.chat_message.deleted", "fanout.mass_message.sent", "fanout.mass_message.purchased",
        "connection.created", "connection.updated", "connection.expired", "webhook.test",
    ]

    private static func body(type: String, payload: Data, decoder: JSONDecoder) throws -> Body {
        func eventBody<T: Decodable>(_: T.Type) throws -> T { try decoder.decode(Carrying<T>.self, from: payload).data.eventBody }
        func connection() throws -> FanoutClient.Connection { try decoder.decode(ConnectionEnvelope.self, from: payload).connection() }
        switch type {
        case "realtime.chat_message.received": return .chatMessageReceived(try FanoutClient.Message(eventBody(Components.Schemas.Message.self)))
        case "realtime.chat_message.deleted":
            let wire = try eventBody(DeletedWire.self)
            return .chatMessageDeleted(.init(id: wire.id, chatID: wire.chatId, withUserID: wire.withUserId))
        case "fanout.mass_message.sent": return .massMessageSent(try FanoutClient.MassMessage(eventBody(Components.Schemas.QueueItem.self)))
        case "fanout.mass_message.purchased":
            let wire = try eventBody(PurchaseWire.self)
            return .massMessagePurchased(.init(
                massMessageID: wire.massMessageId, messageID: wire.messageId,
                fan: .init(id: wire.fan.id, name: wire.fan.name, username: wire.fan.username),
                amount: try WireValue.money(wire.amount, field: "amount"), createdAt: try WireValue.date(wire.createdAt, field: "createdAt")))
        case "connection.created": return .connectionCreated(try connection())
        case "connection.updated": return .connectionUpdated(try connection())
        case "connection.expired": return .connectionExpired(try connection())
        case "webhook.test":
            let wire = try eventBody(TestWire.self)
            return .test(.init(webhookID: wire.webhookId, message: wire.message))
        default: return .unknown(type: type, payload: payload)
        }
    }

    /// Where a body failed to decode: the path of keys, and what was wrong.
    private static func describe(_ error: DecodingError) -> String {
        let (path, reason): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "missing")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
        let keys = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return keys.isEmpty ? reason : "\(keys): \(reason)"
    }

    // The envelope's shapes. Each decodes only what it names.

    private struct TypeName: Decodable {
        var type: String?
        var eventType: String?
    }

    private struct Head: Decodable {
        struct Contents: Decodable {
            struct Connection: Decodable { var id: String }
            var connection: Connection?
            var environment: String?
        }
        var type: String?
        var eventType: String?
        var timestamp: String?
        var live: Bool?
        var data: Contents?
    }

    private struct Carrying<Body: Decodable>: Decodable {
        struct Contents: Decodable { var eventBody: Body }
        var data: Contents
    }

    private struct DeletedWire: Decodable { var id: Int, chatId: Int, withUserId: Int }

    private struct PurchaseWire: Decodable {
        struct Fan: Decodable { var id: Int, name: String, username: String }
        var massMessageId: Int, messageId: Int, fan: Fan, amount: Double, createdAt: String
    }

    private struct TestWire: Decodable { var webhookId: Int, message: String }

    /// A connection event's `data`: the connection as OFAuth sends it (its
    /// creator's id a string), and the client's reference.
    private struct ConnectionEnvelope: Decodable {
        struct Contents: Decodable {
            struct Connection: Decodable {
                struct UserData: Decodable { var userId: String, name: String, username: String, avatar: String? }
                var id: String, status: String, userData: UserData, permissions: [String]
            }
            var connection: Connection
            var clientReferenceId: String?
        }
        var data: Contents

        func connection() throws -> FanoutClient.Connection {
            let wire = data.connection
            guard let status = FanoutClient.Connection.Status(rawValue: wire.status) else {
                throw FanoutWebhook.VerificationError.undecodableBody("data.connection.status: \(wire.status.prefix(40))")
            }
            guard let creatorID = Int(wire.userData.userId) else {
                throw FanoutWebhook.VerificationError.undecodableBody("data.connection.userData.userId: \(wire.userData.userId.prefix(40))")
            }
            return FanoutClient.Connection(
                id: wire.id, status: status,
                creator: .init(
                    id: creatorID, name: wire.userData.name, username: wire.userData.username,
                    avatar: WireValue.url(wire.userData.avatar)),
                permissions: Set(wire.permissions.map(FanoutClient.Permission.init(rawValue:))),
                clientReferenceID: data.clientReferenceId.flatMap { $0.isEmpty ? nil : $0 })
        }
    }
}
