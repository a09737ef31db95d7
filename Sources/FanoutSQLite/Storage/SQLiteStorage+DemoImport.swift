import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: DemoImporting {
    /// Writes the whole dataset in one transaction with prepared statements,
    /// then derives every chat counter from the rows it wrote.
    public func importDemo(_ dataset: DemoDataset) async throws {
        try await write { db in
            let creators = Set(dataset.creatorIDs)
            let insertUser = try db.makeStatement(sql: "INSERT INTO user (id, name, username, avatar, isVerified, isCreator) VALUES (?, ?, ?, ?, ?, ?)")
            for user in dataset.users {
                try insertUser.execute(arguments: [user.id, user.name, user.username, user.avatar, user.isVerified, creators.contains(user.id)])
            }
            let insertSubscription = try db.makeStatement(sql: "INSERT INTO subscription (creatorId, fanId, subscribedAt, isActive) VALUES (?, ?, ?, ?)")
            for subscription in dataset.subscriptions {
                try insertSubscription.execute(arguments: [subscription.creatorID, subscription.fanID, subscription.subscribedAt, subscription.isActive])
            }
            try Self.insertMedia(db, dataset.media)
            let massIDs = try Self.insertMassMessages(db, dataset.massMessages)
            try Self.insertMessages(db, dataset, massIDs: massIDs)
            try Self.deriveChatCounters(db)
            try Self.deriveDailyActivity(db)
        }
    }

    private static func insertMedia(_ db: Database, _ media: [Media]) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO media (id, creatorId, kind, createdAt, isReady, hasError, convertedToVideo, hasCustomPreview,
                duration, width, height, size, fullUrl, thumbUrl, previewUrl, squarePreviewUrl, video240Url, video720Url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in media {
            try statement.execute(arguments: [
                item.id, item.creatorID, item.kind.rawValue, item.createdAt, item.isReady, item.hasError,
                item.convertedToVideo, item.hasCustomPreview, item.duration, item.width, item.height, item.size,
                item.fullURL, item.thumbURL, item.previewURL, item.squarePreviewURL, item.video240URL, item.video720URL,
            ])
        }
    }

    private static func insertMassMessages(_ db: Database, _ messages: [DemoDataset.MassMessage]) throws -> [Int64] {
        let statement = try db.makeStatement(sql: """
            INSERT INTO massMessage (creatorId, text, priceCents, isLockedText, state, listType, createdAt, changedAt,
                scheduledAt, sentAt, canceledAt, total, pending, sentCount, viewedCount, purchasedCount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let attach = try db.makeStatement(sql: "INSERT INTO massMessageMedia (massMessageId, position, mediaId, isPreview) VALUES (?, ?, ?, ?)")
        let recipient = try db.makeStatement(sql: "INSERT INTO massMessageRecipient (massMessageId, fanId) VALUES (?, ?)")
        // Inserted oldest first, so ids grow with time as they do live.
        var ids = Array(repeating: Int64(0), count: messages.count)
        for index in messages.indices.sorted(by: { messages[$0].createdAt < messages[$1].createdAt }) {
            let message = messages[index]
            let pending = message.state == .sent || message.state == .canceled ? 0 : message.total - message.sentCount
            try statement.execute(arguments: [
                message.creatorID, message.text, message.price.cents, message.isLockedText, message.state.rawValue,
                message.state.listType.rawValue, message.createdAt, message.canceledAt ?? message.sentAt ?? message.createdAt,
                message.scheduledAt, message.sentAt, message.canceledAt, message.total, pending, message.sentCount,
                message.viewedCount, message.purchasedCount,
            ])
            ids[index] = db.lastInsertedRowID
            for (position, ref) in message.attachments.enumerated() {
                try attach.execute(arguments: [ids[index], position, ref.mediaID, ref.isPreview])
            }
            for fan in message.recipients { try recipient.execute(arguments: [ids[index], fan]) }
            try db.execute(sql: "UPDATE massMessage SET fanOutCursor = ? WHERE id = ?", arguments: [message.fanOutCursor, ids[index]])
        }
        return ids
    }

    private static func insertMessages(_ db: Database, _ dataset: DemoDataset, massIDs: [Int64]) throws {
        let insertChat = try db.makeStatement(sql: "INSERT INTO chat (creatorId, fanId, isMuted) VALUES (?, ?, ?)")
        let insertMessage = try db.makeStatement(sql: """
            INSERT INTO message (chatId, fromUserId, text, priceCents, isLockedText, isTip, massMessageId, createdAt,
                changedAt, openedAt, purchasedAt, isLiked, isPinned)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let attach = try db.makeStatement(sql: "INSERT INTO messageMedia (messageId, position, mediaId, isPreview) VALUES (?, ?, ?, ?)")
        let insertPurchase = try db.makeStatement(sql: """
            INSERT INTO purchase (messageId, massMessageId, creatorId, fanId, amountCents, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var chatIDs: [[Int64]: Int64] = [:]
        for message in dataset.messages {
            let key = [message.creatorID, message.fanID]
            let chatID: Int64
            if let existing = chatIDs[key] {
                chatID = existing
            } else {
                try insertChat.execute(arguments: [message.creatorID, message.fanID, dataset.mutedChats.contains(key)])
                chatID = db.lastInsertedRowID
                chatIDs[key] = chatID
            }
            let massID = message.massMessage.map { massIDs[$0] }
            try insertMessage.execute(arguments: [
                chatID, message.fromCreator ? message.creatorID : message.fanID, massID == nil ? message.text : nil,
                message.price.cents, message.isLockedText, message.isTip, massID, message.createdAt, message.createdAt,
                message.openedAt, message.purchasedAt, message.isLiked, message.isPinned,
            ])
            let messageID = db.lastInsertedRowID
            if massID == nil {
                for (position, ref) in message.attachments.enumerated() {
                    try attach.execute(arguments: [messageID, position, ref.mediaID, ref.isPreview])
                }
            }
            if let purchasedAt = message.purchasedAt {
                try insertPurchase.execute(arguments: [messageID, massID, message.creatorID, message.fanID, message.price.cents, purchasedAt])
            }
        }
    }

    /// Unread counts, tips, spending, pins and the newest message of each chat,
    /// from its messages and purchases.
    private static func deriveChatCounters(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE chat SET
                lastMessageId = (SELECT MAX(id) FROM message WHERE chatId = chat.id),
                lastReadMessageId = (SELECT MAX(id) FROM message WHERE chatId = chat.id AND fromUserId = chat.fanId AND openedAt IS NOT NULL),
                unreadCount = (SELECT COUNT(*) FROM message WHERE chatId = chat.id AND fromUserId = chat.fanId AND openedAt IS NULL),
                hasUnreadTips = EXISTS (SELECT 1 FROM message WHERE chatId = chat.id AND fromUserId = chat.fanId AND isTip AND openedAt IS NULL),
                tipsCents = (SELECT COALESCE(SUM(priceCents), 0) FROM message WHERE chatId = chat.id AND isTip),
                spentCents = (SELECT COALESCE(SUM(priceCents), 0) FROM message WHERE chatId = chat.id AND isTip)
                    + (SELECT COALESCE(SUM(amountCents), 0) FROM purchase WHERE creatorId = chat.creatorId AND fanId = chat.fanId),
                pinnedCount = (SELECT COUNT(*) FROM message WHERE chatId = chat.id AND isPinned)
            """)
    }
}

extension SQLiteStorage {
    public func isEmpty() async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM user)") ?? true
        }
    }
}
