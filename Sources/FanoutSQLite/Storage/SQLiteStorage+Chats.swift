import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: ChatStore {
    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        try await read(bounded: (query.search ?? "").isEmpty && query.userListID == nil && Self.isShallow(query.page)) { db in
            var summaries: [ChatSummary] = []
            var lastIDs: [Int64?] = []
            let (sql, arguments) = Self.chatListSQL(creatorID: creatorID, query: query)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                summaries.append(ChatSummary(
                    fanID: row[0], isSubscribed: row[2], unreadCount: row[3], hasUnreadTips: row[4], isMuted: row[5],
                    lastMessage: nil, lastReadMessageID: row[6], hasPurchasedFeed: row[7], pinnedCount: row[8], isBlocked: row[9]))
                lastIDs.append(row[1])
            }
            // The row past the limit only says there is more: its last message is not shown.
            let wanted = lastIDs.prefix(query.page.limit).compactMap { $0 }
            let lastMessages = try MessageRow.fetchByID(db, media: media, ids: wanted, creatorID: creatorID)
            let byID = Dictionary(uniqueKeysWithValues: lastMessages.map { ($0.id, $0) })
            for index in summaries.indices { summaries[index].lastMessage = lastIDs[index].flatMap { byID[$0] } }
            return Page(fetched: summaries, limit: query.page.limit)
        }
    }

    /// One page (+1) of the creator's chats: its SQL (one of a few fixed
    /// texts, built once: building and hashing a 1.5 KB string on every
    /// request showed in the chats list's profile) and its arguments.
    private static func chatListSQL(creatorID: Int64, query: ChatListQuery) -> (String, StatementArguments) {
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "creator": creatorID, "limit": query.page.limit + 1, "offset": query.page.offset,
        ]
        var searching = false
        if let needle = query.search, !needle.isEmpty {
            arguments["search"] = TextFold.fold(needle)
            searching = true
        }
        if let listID = query.userListID { arguments["list"] = listID }
        let variant = ChatListVariant(order: query.order, filter: query.filter, searching: searching, listing: query.userListID != nil)
        return (chatListStatements[variant]!, StatementArguments(arguments))
    }

    private struct ChatListVariant: Hashable, CaseIterable {
        var order: ChatListQuery.Order
        var filter: ChatListQuery.Filter?
        var searching: Bool
        /// Only the members of one user list (`userListId`).
        var listing: Bool

        static let allCases: [ChatListVariant] = ChatListQuery.Order.allCases.flatMap { order in
            ([nil] + ChatListQuery.Filter.allCases).flatMap { filter in
                [false, true].flatMap { searching in
                    [false, true].map { ChatListVariant(order: order, filter: filter, searching: searching, listing: $0) }
                }
            }
        }
    }

    private static let chatListStatements: [ChatListVariant: String] = Dictionary(
        uniqueKeysWithValues: ChatListVariant.allCases.map { ($0, chatListSQL(for: $0)) })

    /// A fan's newest message is the newer of the chat row's
    /// (`chat.lastMessageId`) and of its deliveries not yet acted on, and a
    /// fan with deliveries only has no chat row yet. Unfiltered, the two
    /// sides are each walked in id order and merged, each row kept only where
    /// it is its fan's newest; filtered by the chat's counters, only chat
    /// rows qualify, ordered by that newer id. The page's rows are then
    /// joined to their details and put back in order (ties: chat row id).
    private static func chatListSQL(for variant: ChatListVariant) -> String {
        let search = (variant.searching
            ? " AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = $fan AND (instr(fanout_fold(u.name), :search) > 0 OR instr(fanout_fold(u.username), :search) > 0))"
            : "") + (variant.listing ? " AND EXISTS (SELECT 1 FROM user_list_member l WHERE l.list_id = :list AND l.fan_id = $fan)" : "")
        let direction = variant.order == .recent ? "DESC" : "ASC"
        let page: String
        if let filter = variant.filter {
            let counter = switch filter {
            case .unread: "c.unread_count > 0"
            case .whoTipped: "c.tips_cents > 0"
            case .priority: "c.spent_cents > 0"
            }
            page = """
                SELECT c.fan_id AS fan_id, NULLIF(MAX(COALESCE(c.last_message_id, 0), COALESCE(
                    (SELECT MAX(d.message_id) FROM mass_delivery d WHERE d.creator_id = :creator AND d.fan_id = c.fan_id), 0)), 0) AS lastId
                FROM chat c
                WHERE c.creator_id = :creator AND \(counter)\(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                ORDER BY lastId \(direction), c.id \(direction) LIMIT :limit OFFSET :offset
                """
        } else {
            page = """
                SELECT c.fan_id AS fan_id, c.last_message_id AS lastId FROM chat c
                WHERE c.creator_id = :creator
                  AND NOT EXISTS (SELECT 1 FROM mass_delivery d
                                  WHERE d.creator_id = :creator AND d.fan_id = c.fan_id AND d.message_id > COALESCE(c.last_message_id, 0))
                  \(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                UNION ALL
                SELECT d.fan_id, d.message_id FROM mass_delivery d
                WHERE d.creator_id = :creator
                  AND NOT EXISTS (SELECT 1 FROM mass_delivery n
                                  WHERE n.creator_id = :creator AND n.fan_id = d.fan_id AND n.message_id > d.message_id)
                  AND NOT EXISTS (SELECT 1 FROM chat c WHERE c.creator_id = :creator AND c.fan_id = d.fan_id AND c.last_message_id > d.message_id)
                  \(search.replacingOccurrences(of: "$fan", with: "d.fan_id"))
                ORDER BY 2 \(direction) LIMIT :limit OFFSET :offset
                """
        }
        return """
            SELECT p.fan_id, p.lastId, COALESCE(s.is_active, 0),
                   COALESCE(c.unread_count, 0), COALESCE(c.has_unread_tips, 0), COALESCE(c.is_muted, 0),
                   c.last_read_message_id, COALESCE(c.has_purchased_feed, 0), COALESCE(c.pinned_count, 0),
                   s.blocked_at IS NOT NULL
            FROM (\(page)) AS p
            LEFT JOIN chat c ON c.creator_id = :creator AND c.fan_id = p.fan_id
            LEFT JOIN subscription s ON s.creator_id = :creator AND s.fan_id = p.fan_id
            ORDER BY p.lastId \(direction), c.id \(direction)
            """
    }

    public func chatMessage(id: Int64, creatorID: Int64) async throws -> ChatMessage? {
        try pageRead { db in
            try MessageRow.fetchAll(db, media: media, where: "WHERE m.id = ? AND c.creator_id = ?", arguments: [id, creatorID]).first
        }
    }

    public func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try pageRead { db in try Self.chatID(db, creatorID: creatorID, fanID: fanID) != nil || Self.hasDeliveries(db, creatorID: creatorID, fanID: fanID) }
    }

    /// Whether the fan has deliveries not yet acted on: a chat without a chat row.
    static func hasDeliveries(_ db: Database, creatorID: Int64, fanID: Int64) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = ? AND fan_id = ?)"),
            arguments: [creatorID, fanID]) ?? false
    }

    /// Whether message `id` is in the chat, as a message or a delivery.
    static func messageExists(_ db: Database, id: Int64, chatID: Int64?, creatorID: Int64, fanID: Int64) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM message WHERE id = ?1 AND chat_id = ?2)
                    OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = ?3 AND message_id = ?1 AND fan_id = ?4)
                """),
            arguments: [id, chatID, creatorID, fanID]) ?? false
    }

    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> ChatMessagesLookup {
        let search = query.search.flatMap { $0.isEmpty ? nil : TextFold.fold($0) }
        return try await read(bounded: search == nil && Self.isShallow(query.page)) { db in
            let page = {
                var arguments: [String: (any DatabaseValueConvertible)?] = [
                    "creator": creatorID, "fan": query.fanID, "limit": query.page.limit + 1, "offset": query.page.offset,
                ]
                if let before = query.before { arguments["before"] = before }
                if let startingAt = query.startingAt { arguments["startingAt"] = startingAt }
                if let search { arguments["search"] = search }
                let variant = ChatPageVariant(before: query.before != nil, startingAt: query.startingAt != nil, searching: search != nil)
                return try MessageRow.decode(
                    db, media: media, sql: Self.chatPageStatements[variant]!, arguments: StatementArguments(arguments))
            }
            // A page with messages proves the chat exists: only an empty one
            // (or one that must start at a given message) asks more.
            if query.startingAt == nil {
                let messages = try page()
                if !messages.isEmpty { return .page(Page(fetched: messages, limit: query.page.limit)) }
            }
            let chatID = try Self.chatID(db, creatorID: creatorID, fanID: query.fanID)
            guard try chatID != nil || Self.hasDeliveries(db, creatorID: creatorID, fanID: query.fanID) else { return .noChat }
            guard let firstID = query.startingAt else { return .page(Page(fetched: [], limit: query.page.limit)) }
            guard try Self.messageExists(db, id: firstID, chatID: chatID, creatorID: creatorID, fanID: query.fanID) else {
                return .noFirstMessage
            }
            return .page(Page(fetched: try page(), limit: query.page.limit))
        }
    }

    /// Which cursors and filters a chat page has: each variant's SQL is
    /// built once (building and hashing its 2 KB text on every request
    /// showed in the profile).
    private struct ChatPageVariant: Hashable, CaseIterable {
        var before: Bool
        var startingAt: Bool
        var searching: Bool

        static let allCases: [ChatPageVariant] = [false, true].flatMap { before in
            [false, true].flatMap { startingAt in [false, true].map { ChatPageVariant(before: before, startingAt: startingAt, searching: $0) } }
        }
    }

    private static let chatPageStatements: [ChatPageVariant: String] = Dictionary(
        uniqueKeysWithValues: ChatPageVariant.allCases.map { ($0, chatPageSQL(for: $0)) })

    /// The chat's messages (the chat row found by a sub-select SQLite runs
    /// once) and deliveries, newest first: each side walks its (chat, id)
    /// index from the cursor and the two are merged.
    private static func chatPageSQL(for variant: ChatPageVariant) -> String {
        var condition = "1"
        if variant.before { condition += " AND $id < :before" }
        if variant.startingAt { condition += " AND $id <= :startingAt" }
        if variant.searching { condition += " AND instr(fanout_fold($text), :search) > 0" }
        let filter = MessageCondition(condition)
        return MessageRow.bothSQL(
            messages: "WHERE m.chat_id = (SELECT id FROM chat WHERE creator_id = :creator AND fan_id = :fan) AND \(filter.onMessage)",
            deliveries: "WHERE d.creator_id = :creator AND d.fan_id = :fan AND \(filter.onDelivery)", index: .byFan,
            tail: "ORDER BY 1 DESC LIMIT :limit OFFSET :offset")
    }

    /// The chat's messages and deliveries meeting `condition`, newest first,
    /// one walk of each side's (chat, id) index from the cursor. `arguments`
    /// name `chat` (nil without a chat row), `creator`, `fan`, `limit`, `offset`.
    static func chatMessages(
        _ db: Database, media: MediaCache, condition: MessageCondition, arguments: [String: (any DatabaseValueConvertible)?]
    ) throws -> [ChatMessage] {
        try MessageRow.fetchBoth(
            db, media: media,
            messages: "WHERE m.chat_id = :chat AND \(condition.onMessage)",
            deliveries: "WHERE d.creator_id = :creator AND d.fan_id = :fan AND \(condition.onDelivery)", index: .byFan,
            tail: "ORDER BY 1 DESC LIMIT :limit OFFSET :offset", arguments: StatementArguments(arguments))
    }

    public func users(ids: [Int64]) async throws -> [UserProfile] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM app_user WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids))
            let byID = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row["id"] as Int64, UserProfile(id: row["id"], name: row["name"], username: row["username"],
                                                 avatar: row["avatar"], isVerified: row["is_verified"]))
            })
            return ids.compactMap { byID[$0] }
        }
    }

    /// The chat's id, creating the chat if it does not exist yet.
    static func chatIDCreatingIfNeeded(_ db: Database, creatorID: Int64, fanID: Int64) throws -> Int64 {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO chat (creator_id, fan_id) VALUES (?, ?)
            ON CONFLICT (creator_id, fan_id) DO UPDATE SET fan_id = excluded.fan_id RETURNING id
            """)
        return try Int64.fetchOne(upsert, arguments: [creatorID, fanID])!
    }

    static func chatID(_ db: Database, creatorID: Int64, fanID: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM chat WHERE creator_id = ? AND fan_id = ?"), arguments: [creatorID, fanID])
    }
}
