import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: DemoImporting {
    /// Writes the whole dataset in one transaction with prepared statements,
    /// then derives every chat counter from the rows it wrote.
    public func importDemo(_ dataset: DemoDataset) async throws {
        try await write { db in
            let creators = Set(dataset.creatorIDs)
            let insertUser = try db.makeStatement(sql: "INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator) VALUES (?, ?, ?, ?, ?, ?)")
            for user in dataset.users {
                try insertUser.execute(arguments: [user.id, user.name, user.username, user.avatar, user.isVerified, creators.contains(user.id)])
            }
            let insertSubscription = try db.makeStatement(sql: "INSERT INTO subscription (creator_id, fan_id, subscribed_at, is_active) VALUES (?, ?, ?, ?)")
            for subscription in dataset.subscriptions {
                try insertSubscription.execute(arguments: [subscription.creatorID, subscription.fanID, subscription.subscribedAt, subscription.isActive])
            }
            try Self.insertMedia(db, dataset.media)
            let massIDs = try Self.insertMassMessages(db, dataset.massMessages)
            try Self.insertMessages(db, dataset, massIDs: massIDs)
            try Self.deriveChatCounters(db)
            try Self.deriveDailyActivity(db)
            try db.run(EarningStatements.recordMissing(.sqlite))
        }
    }

    private static func insertMedia(_ db: Database, _ media: [Media]) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO media (id, creator_id, kind, created_at, is_ready, has_error, converted_to_video, has_custom_preview,
                duration, width, height, size, full_url, thumb_url, preview_url, square_preview_url, video240_url, video720_url)
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
            INSERT INTO mass_message (creator_id, text, price_cents, is_locked_text, state, list_type, created_at, changed_at,
                scheduled_at, sent_at, canceled_at, total, pending, sent_count, viewed_count, purchased_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let attach = try db.makeStatement(sql: "INSERT INTO mass_message_media (mass_message_id, position, media_id, is_preview) VALUES (?, ?, ?, ?)")
        let recipient = try db.makeStatement(sql: "INSERT INTO mass_message_recipient (mass_message_id, fan_id) VALUES (?, ?)")
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
            try db.execute(sql: "UPDATE mass_message SET fan_out_cursor = ? WHERE id = ?", arguments: [message.fanOutCursor, ids[index]])
        }
        return ids
    }

    private static func insertMessages(_ db: Database, _ dataset: DemoDataset, massIDs: [Int64]) throws {
        let insertChat = try db.makeStatement(sql: "INSERT INTO chat (creator_id, fan_id, is_muted) VALUES (?, ?, ?)")
        let insertMessage = try db.makeStatement(sql: """
            INSERT INTO message (chat_id, from_user_id, text, price_cents, is_locked_text, is_tip, mass_message_id, created_at,
                changed_at, opened_at, purchased_at, is_liked, is_pinned)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let attach = try db.makeStatement(sql: "INSERT INTO message_media (message_id, position, media_id, is_preview) VALUES (?, ?, ?, ?)")
        let insertPurchase = try db.makeStatement(sql: """
            INSERT INTO purchase (message_id, mass_message_id, creator_id, fan_id, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?)
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
                last_message_id = (SELECT MAX(id) FROM message WHERE chat_id = chat.id),
                last_read_message_id = (SELECT MAX(id) FROM message WHERE chat_id = chat.id AND from_user_id = chat.fan_id AND opened_at IS NOT NULL),
                unread_count = (SELECT COUNT(*) FROM message WHERE chat_id = chat.id AND from_user_id = chat.fan_id AND opened_at IS NULL),
                has_unread_tips = EXISTS (SELECT 1 FROM message WHERE chat_id = chat.id AND from_user_id = chat.fan_id AND is_tip AND opened_at IS NULL),
                tips_cents = (SELECT COALESCE(SUM(price_cents), 0) FROM message WHERE chat_id = chat.id AND is_tip),
                spent_cents = (SELECT COALESCE(SUM(price_cents), 0) FROM message WHERE chat_id = chat.id AND is_tip)
                    + (SELECT COALESCE(SUM(amount_cents), 0) FROM purchase WHERE creator_id = chat.creator_id AND fan_id = chat.fan_id),
                pinned_count = (SELECT COUNT(*) FROM message WHERE chat_id = chat.id AND is_pinned)
            """)
    }
}

extension SQLiteStorage {
    public func isEmpty() async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM app_user)") ?? true
        }
    }
}
