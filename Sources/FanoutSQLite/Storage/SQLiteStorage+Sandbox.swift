import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: SandboxStore {
    public func organizationIDs(connectedToCreator creatorID: Int64) async throws -> [Int64] {
        try await read { db in
            try db.run(AccessStatements.organizationIDs(connectedToCreator: creatorID)).map { $0[0] as Int64 }
        }
    }

    public func fanSendsMessage(creatorID: Int64, fanID: Int64, text: String, tip: Money?, at now: Date) async throws -> ChatMessage {
        try await write { db in
            let chatID = try Self.chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
            let id: Int64 = try db.run(MessageStatements.insertFanMessage(chatID: chatID, fanID: fanID, text: text, tip: tip, at: now))[0][0]
            let restricted = try db.value(Bool.self, FanStatements.isRestricted(creatorID: creatorID, fanID: fanID)) ?? false
            try Self.apply(db, FanMessage(
                creatorID: creatorID, fanID: fanID, chatID: chatID, messageID: id, tip: tip, at: now, fromRestrictedFan: restricted).effects)
            return try MessageRow.fetchAll(db, media: media, where: "WHERE m.id = ?", arguments: [id])[0]
        }
    }

    public func fanOpensMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try Self.materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            return try Self.open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
        }
    }

    public func fanBuysMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool {
        try await write { db in
            try Self.materializeDelivery(db, id: id, creatorID: creatorID, fanID: fanID)
            guard let chatID = try Self.chatID(db, creatorID: creatorID, fanID: fanID),
                  let bought = try db.run(MessageStatements.markPurchased(id: id, chatID: chatID, creatorID: creatorID, at: now)).first
            else { return false }
            let price = Money(cents: bought[0]), massMessageID: Int64? = bought[1]
            // Buying opens it, if it was not open yet.
            _ = try Self.open(db, id: id, creatorID: creatorID, fanID: fanID, at: now)
            let purchaseID: Int64 = try db.run(MessageStatements.insertPurchase(
                messageID: id, massMessageID: massMessageID, creatorID: creatorID, fanID: fanID, price: price, at: now))[0][0]
            try Self.apply(db, MessagePurchase(
                creatorID: creatorID, fanID: fanID, chatID: chatID, purchaseID: purchaseID, price: price, massMessageID: massMessageID, at: now
            ).effects)
            return true
        }
    }

    /// When message `id` of this fan is a delivery not yet acted on, turns
    /// it into a message row of the same id (creating the chat row if the fan
    /// had none), so that what the fan does to it can be kept.
    static func materializeDelivery(_ db: Database, id: Int64, creatorID: Int64, fanID: Int64) throws {
        guard let taken = try db.run(MessageStatements.takeDelivery(id: id, creatorID: creatorID, fanID: fanID)).first else { return }
        let chatID = try chatIDCreatingIfNeeded(db, creatorID: creatorID, fanID: fanID)
        try db.run(MessageStatements.insertDeliveredMessage(id: id, chatID: chatID, massMessageID: taken[0], deliveredAt: StoredDate.read(taken, 1)))
        try apply(db, DeliveryTaken(chatID: chatID, messageID: id).effects)
    }

    /// Marks the creator's message opened, once.
    private static func open(_ db: Database, id: Int64, creatorID: Int64, fanID: Int64, at now: Date) throws -> Bool {
        guard let chatID = try chatID(db, creatorID: creatorID, fanID: fanID),
              let opened = try db.run(MessageStatements.markOpened(id: id, chatID: chatID, creatorID: creatorID, at: now)).first
        else { return false }
        try apply(db, MessageOpened(massMessageID: opened[0]).effects)
        return true
    }
}
