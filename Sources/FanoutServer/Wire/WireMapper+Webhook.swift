import FanoutAPI
import FanoutCore
import Foundation

extension WireMapper {
    func webhookEndpoint(_ endpoint: WebhookEndpoint) -> Components.Schemas.WebhookEndpoint {
        .init(
            id: Int(endpoint.id), url: endpoint.url, events: endpoint.events.map(\.rawValue), createdAt: timestamp(endpoint.createdAt),
            disabledAt: endpoint.disabledAt.map(timestamp))
    }

    func webhookDelivery(_ delivery: WebhookDelivery) -> Components.Schemas.WebhookDelivery {
        .init(
            id: Int(delivery.id), eventId: delivery.eventID, _type: delivery.type.rawValue, attempts: delivery.attempts,
            lastStatus: delivery.lastStatus, nextAttemptAt: delivery.nextAttemptAt.map(timestamp),
            state: .init(rawValue: delivery.state.rawValue) ?? .pending, createdAt: timestamp(delivery.createdAt))
    }

    /// OFAuth's realtime envelope, with `eventType` beside `type` (the
    /// official SDKs' routers read that one): `{type, eventType, timestamp,
    /// data: {connection, environment, eventBody}}`, `eventBody` already JSON.
    func webhookEnvelope(type: WebhookEventType, at date: Date, connectionID: String?, environment: String, eventBody: [UInt8]) -> [UInt8] {
        // Types, timestamps, connection ids and the environment need no escaping.
        let connection = connectionID.map { #"{"id":"\#($0)","clientReferenceId":null}"# } ?? "null"
        return Array(#"{"type":"\#(type.rawValue)","eventType":"\#(type.rawValue)","timestamp":"\#(timestamp(date))","#.utf8)
            + Array(#""data":{"connection":\#(connection),"environment":"\#(environment)","eventBody":"#.utf8) + eventBody + Array("}}".utf8)
    }

    /// `fanout.mass_message.purchased`'s body: `{massMessageId, messageId,
    /// fan: {id, name, username}, amount, createdAt}`, the amount a number as
    /// a message's price is.
    func writePurchase(_ purchase: Purchase, massMessageID: Int64, to w: inout JSONWriter) {
        w.beginObject()
        w.field("massMessageId", massMessageID)
        w.field("messageId", purchase.messageID)
        w.key("fan")
        w.beginObject()
        w.field("id", purchase.fan.id)
        w.field("name", purchase.fan.name)
        w.field("username", purchase.fan.username)
        w.endObject()
        w.field("amount", purchase.amount.doubleValue)
        w.field("createdAt", timestamp: purchase.createdAt)
        w.endObject()
    }
}
