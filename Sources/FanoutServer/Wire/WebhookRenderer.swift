import FanoutCore
import Foundation

/// The body of an event written with its cause, rendered at its first
/// attempt: its subject as the API shows it now, in the realtime envelope.
struct WebhookRenderer: Sendable {
    let storage: any FanoutStorage
    let mapper: WireMapper
    /// `"sandbox"` while the sandbox API is on, `"live"` otherwise.
    let environment: String

    /// nil when the subject or its connection is gone (nothing to send).
    func body(for delivery: DueWebhookDelivery, at now: Date) async throws -> [UInt8]? {
        guard let connectionID = delivery.connectionID, let subjectID = delivery.subjectID,
              let connection = try await storage.connection(id: connectionID, organizationID: delivery.organizationID)
        else { return nil }
        var writer = JSONWriter(capacity: 2_048)
        switch delivery.type {
        case .massMessageSent:
            guard let message = try await storage.massMessage(id: subjectID, creatorID: connection.creatorID) else { return nil }
            writer.encoded(mapper.queueItemBody(message, creatorName: connection.creatorName))
        case .chatMessageReceived:
            guard let message = try await storage.chatMessage(id: subjectID, creatorID: connection.creatorID) else { return nil }
            mapper.write(message, now: now, to: &writer)
        case .chatMessageDeleted:
            // Chats are addressed by the fan's id, so `chatId` and `withUserId` are one value.
            guard let fanID = delivery.fanID else { return nil }
            writer.beginObject()
            writer.field("id", subjectID)
            writer.field("chatId", fanID)
            writer.field("withUserId", fanID)
            writer.endObject()
        case .massMessagePurchased:
            guard let purchase = try await storage.purchase(id: subjectID, creatorID: connection.creatorID),
                  let massMessageID = purchase.massMessageID
            else { return nil }
            mapper.writePurchase(purchase, massMessageID: massMessageID, to: &writer)
        case .test:
            return nil
        }
        return mapper.webhookEnvelope(
            type: delivery.type, at: now, connectionID: connection.id, environment: environment, eventBody: writer.bytes)
    }
}
