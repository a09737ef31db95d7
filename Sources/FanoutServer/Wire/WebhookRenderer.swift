import FanoutCore
import Foundation

/// The body of an event written with its cause, rendered at its first
/// attempt: its subject as the API shows it now, in the realtime envelope.
struct WebhookRenderer: Sendable {
    let storage: any FanoutStorage
    let mapper: WireMapper

    /// nil when the subject or its connection is gone (nothing to send).
    func body(for delivery: DueWebhookDelivery, at now: Date) async throws -> [UInt8]? {
        guard let connectionID = delivery.connectionID, let subjectID = delivery.subjectID,
              let connection = try await storage.connection(id: connectionID, organizationID: delivery.organizationID)
        else { return nil }
        let eventBody: [UInt8]
        switch delivery.type {
        case .massMessageSent:
            guard let message = try await storage.massMessage(id: subjectID, creatorID: connection.creatorID) else { return nil }
            eventBody = mapper.queueItemBody(message, creatorName: connection.creatorName)
        case .chatMessageReceived:
            guard let message = try await storage.chatMessage(id: subjectID, creatorID: connection.creatorID) else { return nil }
            var writer = JSONWriter(capacity: 2_048)
            mapper.write(message, now: now, to: &writer)
            eventBody = writer.bytes
        case .chatMessageDeleted, .massMessagePurchased, .test:
            return nil
        }
        return mapper.webhookEnvelope(type: delivery.type, at: now, connectionID: connection.id, eventBody: eventBody)
    }
}
