import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: ChatStore {
    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        // No stored text holds NUL (PostgreSQL's text cannot): such a search finds nothing.
        if query.search?.utf8.contains(0) == true { return Page(fetched: [], limit: query.page.limit) }
        return try await snapshot { db in
            var summaries: [ChatSummary] = []
            var lastIDs: [Int64?] = []
            for row in try await db.rows(Self.chatListQuery(creatorID: creatorID, query: query), logger) {
                let (fanID, lastID, name, username, avatar, isVerified, isSubscribed) =
                    try row.decode((Int64, Int64?, String, String, String?, Bool, Bool).self)
                let cells = row.makeRandomAccess()
                summaries.append(ChatSummary(
                    fan: UserProfile(id: fanID, name: name, username: username, avatar: avatar, isVerified: isVerified),
                    isSubscribed: isSubscribed, unreadCount: try cells[7].decode(Int.self), hasUnreadTips: try cells[8].decode(Bool.self),
                    isMuted: try cells[9].decode(Bool.self), lastMessage: nil, lastReadMessageID: try cells[10].decode(Int64?.self),
                    hasPurchasedFeed: try cells[11].decode(Bool.self), pinnedCount: try cells[12].decode(Int.self)))
                lastIDs.append(lastID)
            }
            let wanted = lastIDs.compactMap { $0 }
            if !wanted.isEmpty {
                var builder = QueryBuilder()
                let ids = builder.bind(wanted), creator = builder.bind(creatorID)
                let lastMessages = try await PostgresMessageRow.fetchBoth(
                    db, media: media, builder: builder, messages: "WHERE m.id = ANY(\(ids))",
                    deliveries: "WHERE d.creator_id = \(creator) AND d.message_id = ANY(\(ids))", tail: "", logger: logger)
                let byID = Dictionary(uniqueKeysWithValues: lastMessages.map { ($0.id, $0) })
                for index in summaries.indices { summaries[index].lastMessage = lastIDs[index].flatMap { byID[$0] } }
            }
            return Page(fetched: summaries, limit: query.page.limit)
        }
    }

    /// One page (+1) of the creator's chats, as SQLite's `chatListSQL`: a
    /// fan's newest message is the newer of the chat row's and of its
    /// deliveries not yet acted on; a fan with deliveries only has no chat
    /// row yet. Unfiltered, both sides are walked in id order and merged,
    /// each row kept only where it is its fan's newest; filtered by the
    /// chat's counters, only chat rows qualify, ordered by that newer id.
    private static func chatListQuery(creatorID: Int64, query: ChatListQuery) -> PostgresQuery {
        var b = QueryBuilder()
        let creator = b.bind(creatorID), limit = b.bind(query.page.limit + 1), offset = b.bind(query.page.offset)
        var search = ""
        if let needle = query.search, !needle.isEmpty {
            let folded = b.bind(needle.lowercased())
            search = """
                 AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = $fan
                     AND (strpos(lower(u.name COLLATE "und-x-icu"), \(folded)) > 0
                          OR strpos(lower(u.username COLLATE "und-x-icu"), \(folded)) > 0))
                """
        }
        let direction = query.order == .recent ? "DESC" : "ASC"
        let page: String
        if let filter = query.filter {
            let counter = switch filter {
            case .unread: "c.unread_count > 0"
            case .whoTipped: "c.tips_cents > 0"
            case .priority: "c.spent_cents > 0"
            }
            page = """
                SELECT c.fan_id, NULLIF(GREATEST(COALESCE(c.last_message_id, 0), COALESCE(
                    (SELECT MAX(d.message_id) FROM mass_delivery d WHERE d.creator_id = \(creator) AND d.fan_id = c.fan_id), 0)), 0) AS last_id
                FROM chat c
                WHERE c.creator_id = \(creator) AND \(counter)\(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                ORDER BY last_id \(direction) NULLS LAST, c.id \(direction) LIMIT \(limit) OFFSET \(offset)
                """
        } else {
            page = """
                SELECT c.fan_id, c.last_message_id AS last_id FROM chat c
                WHERE c.creator_id = \(creator)
                  AND NOT EXISTS (SELECT 1 FROM mass_delivery d
                                  WHERE d.creator_id = \(creator) AND d.fan_id = c.fan_id AND d.message_id > COALESCE(c.last_message_id, 0))
                  \(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                UNION ALL
                SELECT d.fan_id, d.message_id FROM mass_delivery d
                WHERE d.creator_id = \(creator)
                  AND NOT EXISTS (SELECT 1 FROM mass_delivery n
                                  WHERE n.creator_id = \(creator) AND n.fan_id = d.fan_id AND n.message_id > d.message_id)
                  AND NOT EXISTS (SELECT 1 FROM chat c WHERE c.creator_id = \(creator) AND c.fan_id = d.fan_id AND c.last_message_id > d.message_id)
                  \(search.replacingOccurrences(of: "$fan", with: "d.fan_id"))
                ORDER BY 2 \(direction) NULLS LAST LIMIT \(limit) OFFSET \(offset)
                """
        }
        return b.query("""
            SELECT p.fan_id, p.last_id, u.name, u.username, u.avatar, u.is_verified, COALESCE(s.is_active, false),
                   COALESCE(c.unread_count, 0), COALESCE(c.has_unread_tips, false), COALESCE(c.is_muted, false),
                   c.last_read_message_id, COALESCE(c.has_purchased_feed, false), COALESCE(c.pinned_count, 0)
            FROM (\(page)) AS p
            JOIN app_user u ON u.id = p.fan_id
            LEFT JOIN chat c ON c.creator_id = \(creator) AND c.fan_id = p.fan_id
            LEFT JOIN subscription s ON s.creator_id = \(creator) AND s.fan_id = p.fan_id
            ORDER BY p.last_id \(direction) NULLS LAST, c.id \(direction)
            """)
    }

    public func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM chat WHERE creator_id = \(creatorID) AND fan_id = \(fanID))
                    OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND fan_id = \(fanID))
                """, logger) ?? false
        }
    }

    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> ChatMessagesLookup {
        try await snapshot { db in
            let chatID = try await Self.chatID(db, creatorID: creatorID, fanID: query.fanID, logger: logger)
            if chatID == nil, try await !hasDeliveries(db, creatorID: creatorID, fanID: query.fanID) { return .noChat }
            if let firstID = query.startingAt,
               try await !messageExists(db, id: firstID, chatID: chatID, creatorID: creatorID, fanID: query.fanID) {
                return .noFirstMessage
            }
            var b = QueryBuilder()
            var condition = "true"
            if let before = query.before { condition += " AND $id < \(b.bind(before))" }
            if let startingAt = query.startingAt { condition += " AND $id <= \(b.bind(startingAt))" }
            if let search = query.search, !search.isEmpty {
                guard !search.utf8.contains(0) else { return .page(Page(fetched: [], limit: query.page.limit)) }  // as in chats()
                condition += " AND strpos(lower($text COLLATE \"und-x-icu\"), \(b.bind(search.lowercased()))) > 0"
            }
            return .page(Page(
                fetched: try await chatMessages(
                    db, builder: b, chatID: chatID, creatorID: creatorID, fanID: query.fanID, condition: .init(condition), page: query.page),
                limit: query.page.limit))
        }
    }

    /// The chat's messages and deliveries meeting `condition` (its
    /// parameters bound in `builder`), newest first: each side walks its
    /// (chat, id) index from the cursor and the two are merged.
    func chatMessages(
        _ db: PostgresConnection, builder: QueryBuilder, chatID: Int64?, creatorID: Int64, fanID: Int64,
        condition: PostgresMessageRow.Condition, page: PageRequest
    ) async throws -> [ChatMessage] {
        var b = builder
        let chat = b.bind(chatID ?? 0), creator = b.bind(creatorID), fan = b.bind(fanID)
        let limit = b.bind(page.limit + 1), offset = b.bind(page.offset)
        return try await PostgresMessageRow.fetchBoth(
            db, media: media, builder: b,
            messages: "WHERE m.chat_id = \(chat) AND \(condition.onMessage) ORDER BY m.id DESC LIMIT \(limit) + \(offset)",
            deliveries: "WHERE d.creator_id = \(creator) AND d.fan_id = \(fan) AND \(condition.onDelivery) ORDER BY d.message_id DESC LIMIT \(limit) + \(offset)",
            tail: "ORDER BY 1 DESC LIMIT \(limit) OFFSET \(offset)", logger: logger)
    }

    /// Whether the fan has deliveries not yet acted on: a chat without a chat row.
    func hasDeliveries(_ db: PostgresConnection, creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await db.value(
            Bool.self, "SELECT EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND fan_id = \(fanID))", logger) ?? false
    }

    /// Whether message `id` is in the chat, as a message or a delivery.
    private func messageExists(_ db: PostgresConnection, id: Int64, chatID: Int64?, creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await db.value(Bool.self, """
            SELECT EXISTS (SELECT 1 FROM message WHERE id = \(id) AND chat_id = \(chatID ?? 0))
                OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND message_id = \(id) AND fan_id = \(fanID))
            """, logger) ?? false
    }

    public func users(ids: [Int64]) async throws -> [UserProfile] {
        try await read { db in
            let byID = Dictionary(uniqueKeysWithValues: try await db.rows(
                "SELECT \(unescaped: Self.profileColumns) FROM app_user WHERE id = ANY(\(ids))", logger
            ).map { row in let profile = try Self.profile(row); return (profile.id, profile) })
            return ids.compactMap { byID[$0] }
        }
    }

    static let profileColumns = "id, name, username, avatar, is_verified"

    /// A profile from `profileColumns` at the start of the row.
    static func profile(_ row: PostgresRow) throws -> UserProfile {
        let (id, name, username, avatar, isVerified) = try row.decode((Int64, String, String, String?, Bool).self)
        return UserProfile(id: id, name: name, username: username, avatar: avatar, isVerified: isVerified)
    }

    /// The chat's id, creating the chat if it does not exist yet.
    static func chatIDCreatingIfNeeded(_ db: PostgresConnection, creatorID: Int64, fanID: Int64, logger: Logger) async throws -> Int64 {
        try await db.value(Int64.self, """
            INSERT INTO chat (creator_id, fan_id) VALUES (\(creatorID), \(fanID))
            ON CONFLICT (creator_id, fan_id) DO UPDATE SET fan_id = excluded.fan_id RETURNING id
            """, logger)!
    }

    static func chatID(_ db: PostgresConnection, creatorID: Int64, fanID: Int64, logger: Logger) async throws -> Int64? {
        try await db.value(Int64.self, "SELECT id FROM chat WHERE creator_id = \(creatorID) AND fan_id = \(fanID)", logger)
    }
}
