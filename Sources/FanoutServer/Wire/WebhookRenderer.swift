import FanoutCore
import Foundation

/// The body of an event written with its cause, rendered at its first
/// attempt: its subject as the API shows it now, in the realtime envelope.
struct WebhookRenderer: Sendable {
    let storage: any FanoutStorage
    let mapper: WireMapper
    /// `"sandbox"` while the sandbox API is on, `"live"` otherwise.
    let environment: String

    /// nil when the subject or its connection is gone, or the connection
    /// expired since the event was written (nothing to send).
    func body(for delivery: DueWebhookDelivery, at now: Date) async throws -> [UInt8]? {
        switch delivery.type {
        case .connectionCreated, .connectionUpdated, .connectionExpired: return try await connectionEvent(delivery, at: now)
        default: break
        }
        guard let connectionID = delivery.connectionID, let subjectID = delivery.subjectID,
              let connection = try await storage.connection(id: connectionID, organizationID: delivery.organizationID),
              connection.status == .active
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
        case .test, .connectionCreated, .connectionUpdated, .connectionExpired:
            return nil
        }
        return mapper.webhookEnvelope(
            type: delivery.type, at: now, connectionID: connection.id, environment: environment, eventBody: writer.bytes)
    }

    /// A connection event: the connection as it is now. One deleted since
    /// (always so for the deletion's `connection.expired`) is named with its
    /// creator (the subject), `expired`, and no permissions: the event
    /// happened, so it is sent.
    private func connectionEvent(_ delivery: DueWebhookDelivery, at now: Date) async throws -> [UInt8]? {
        guard let connectionID = delivery.connectionID, let creatorID = delivery.subjectID else { return nil }
        if let details = try await storage.connectionDetails(id: connectionID, organizationID: delivery.organizationID) {
            return mapper.connectionEvent(
                type: delivery.type, at: now, environment: environment, connectionID: connectionID, status: details.status,
                creator: details.creator, permissions: details.connection.permissions, clientReferenceID: details.clientReferenceID)
        }
        guard let creator = try await storage.creatorProfile(creatorID: creatorID) else { return nil }
        return mapper.connectionEvent(
            type: delivery.type, at: now, environment: environment, connectionID: connectionID, status: .expired, creator: creator.user,
            permissions: [], clientReferenceID: nil)
    }
}
