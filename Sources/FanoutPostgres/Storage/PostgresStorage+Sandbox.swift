import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: SandboxStore {
    public func organizationIDs(connectedToCreator creatorID: Int64) async throws -> [Int64] {
        try await read { db in
            try await db.rows(AccessStatements.organizationIDs(connectedToCreator: creatorID), logger)
                .map { try $0.decode(Int64.self) }
        }
    }

    public func fanSendsMessage(creatorID: Int64, fanID: Int64, text: String, tip: Money?, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
            let inserted = MessageStatements.insertFanMessage(chatID: chatID, fanID: fanID, text: text, tip: tip, at: now)
            let id = try await db.value(Int64.self, inserted.postgresQuery, logger)!
            let restricted = try await db.value(Bool.self, FanStatements.isRestricted(creatorID: creatorID, fanID: fanID), logger) ?? false
            try await apply(db, FanMessage(
                creatorID: creatorID, fanID: fanID, chatID: chatID, messageID: id, tip: tip, at: now, fromRestrictedFan: restricted).effects)
            return try await PostgresMessageRow.fetchAll(db, media: media, clause: "WHERE m.id = \(id)", logger: logger)[0]
        }
    }

    public func fanOpensMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            return try await open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
        }
    }

    public func fanBuysMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try await materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            guard let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: fanID, logger: logger),
                  let row = try await db.rows(MessageStatements.markPurchased(id: id, chatID: chatID, creatorID: creatorID, at: now).postgresQuery, logger).first
            else { return false }
            let (cents, massMessageID) = try row.decode((Int64, Int64?).self)
            let price = Money(cents: cents)
            // Buying opens it, if it was not open yet.
            _ = try await open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
            let purchase = MessageStatements.insertPurchase(
                messageID: id, massMessageID: massMessageID, creatorID: creatorID, fanID: fanID, price: price, at: now)
            let purchaseID = try await db.value(Int64.self, purchase.postgresQuery, logger)!
            try await apply(db, MessagePurchase(
                creatorID: creatorID, fanID: fanID, chatID: chatID, purchaseID: purchaseID, price: price, massMessageID: massMessageID, at: now
            ).effects)
            return true
        }
    }

    /// When message `id` of this fan is a delivery not yet acted on, turns
    /// it into a message row of the same id (creating the chat row if the fan
    /// had none), so that what the fan does to it can be kept.
    func materializeDelivery(_ db: PostgresConnection, id: Int64, creatorID: Int64, fanID: Int64) async throws {
        let take = MessageStatements.takeDelivery(id: id, creatorID: creatorID, fanID: fanID)
        guard let taken = try await db.rows(take.postgresQuery, logger).first else { return }
        let (massMessageID, deliveredAt) = try taken.decode((Int64, Date?).self)
        let chatID = try await Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID, logger: logger)
        try await db.run(
            MessageStatements.insertDeliveredMessage(id: id, chatID: chatID, massMessageID: massMessageID, deliveredAt: deliveredAt)
                .postgresQuery, logger)
        try await apply(db, DeliveryTaken(chatID: chatID, messageID: id).effects)
    }

    /// Marks the creator's message opened, once.
    private func open(_ db: PostgresConnection, id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        guard let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: fanID, logger: logger),
              let row = try await db.rows(MessageStatements.markOpened(id: id, chatID: chatID, creatorID: creatorID, at: now).postgresQuery, logger).first
        else { return false }
        try await apply(db, MessageOpened(massMessageID: try row.decode(Int64?.self)).effects)
        return true
    }
}
