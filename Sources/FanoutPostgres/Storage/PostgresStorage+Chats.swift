import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: ChatStore {
    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        try await read { db in
            var summaries: [ChatSummary] = []
            let search = query.search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let filter = query.filter.map { ChatListQuery.Filter.allCases.firstIndex(of: $0)! + 1 } ?? 0
            let variant = ((filter * 2 + (query.order == .recent ? 0 : 1)) * 2) + (search == nil ? 0 : 1)
            let rows = try await Self.chatList(variant: variant, db, logger) {
                $0.append(creatorID); $0.append(query.page.limit + 1); $0.append(query.page.offset); $0.append(query.page.sideLimit)
                if let search { $0.append(search) }
            }
            var columns = try PostgresPackedRows.records(rows)
            summaries.reserveCapacity(columns.count)
            for index in columns.indices { summaries.append(try Self.summary(&columns[index])) }
            // Each chat's last message came in the same records, from field 9.
            let lastMessages = try await PostgresMessageRow.decode(db, media: media, columns: &columns, from: 9, logger: logger)
            var chatIDs: [Int64] = []
            chatIDs.reserveCapacity(summaries.count)
            for index in summaries.indices {
                summaries[index].lastMessage = lastMessages[index]
                chatIDs.append(try columns[index].int64(28))
            }
            // The statement leaves the page's order to us (see `chatListSQL`).
            let sorted = zip(summaries, chatIDs).sorted { a, b in
                let keyA = (a.0.lastMessage?.id ?? 0, a.1), keyB = (b.0.lastMessage?.id ?? 0, b.1)
                return query.order == .recent ? keyA > keyB : keyA < keyB
            }
            return Page(fetched: sorted.map(\.0), limit: query.page.limit)
        }
    }

    /// A chats-list record's first 9 fields (its last message follows them,
    /// then the chat's id, 0 when it has no chat row).
    private static func summary<Columns: PostgresColumnReading>(_ column: inout Columns) throws -> ChatSummary {
        ChatSummary(
            fanID: try column.int64(0), isSubscribed: try column.bool(2), unreadCount: try column.int(3),
            hasUnreadTips: try column.bool(4), isMuted: try column.bool(5), lastMessage: nil,
            lastReadMessageID: try column.optionalInt64(6), hasPurchasedFeed: try column.bool(7), pinnedCount: try column.int(8))
    }

    /// One page (+1) of the creator's chats, as SQLite's `chatListSQL`: a
    /// fan's newest message is the newer of the chat row's and of its
    /// deliveries not yet acted on; a fan with deliveries only has no chat
    /// row yet. Unfiltered, both sides are walked in id order and merged,
    /// each row kept only where it is its fan's newest; filtered by the
    /// chat's counters, only chat rows qualify, ordered by that newer id.
    /// A chat without messages counts as id 0 (last newest-first, as SQLite
    /// sorts NULL), which lets the chat side walk `chat_recency` in order and
    /// PostgreSQL merge it with the deliveries' key instead of sorting all.
    /// The prepared list of one variant (filter, order, searching or not).
    private static func chatList(
        variant: Int, _ db: PostgresConnection, _ logger: Logger, _ bind: (inout PostgresBindings) -> Void
    ) async throws -> [PostgresRow] {
        switch variant {
        case 0: try await db.rows(ChatListShape<0>.self, logger, bind)
        case 1: try await db.rows(ChatListShape<1>.self, logger, bind)
        case 2: try await db.rows(ChatListShape<2>.self, logger, bind)
        case 3: try await db.rows(ChatListShape<3>.self, logger, bind)
        case 4: try await db.rows(ChatListShape<4>.self, logger, bind)
        case 5: try await db.rows(ChatListShape<5>.self, logger, bind)
        case 6: try await db.rows(ChatListShape<6>.self, logger, bind)
        case 7: try await db.rows(ChatListShape<7>.self, logger, bind)
        case 8: try await db.rows(ChatListShape<8>.self, logger, bind)
        case 9: try await db.rows(ChatListShape<9>.self, logger, bind)
        case 10: try await db.rows(ChatListShape<10>.self, logger, bind)
        case 11: try await db.rows(ChatListShape<11>.self, logger, bind)
        case 12: try await db.rows(ChatListShape<12>.self, logger, bind)
        case 13: try await db.rows(ChatListShape<13>.self, logger, bind)
        case 14: try await db.rows(ChatListShape<14>.self, logger, bind)
        default: try await db.rows(ChatListShape<15>.self, logger, bind)
        }
    }

    /// $1 creator, $2 limit, $3 offset, $4 how far each side may have to
    /// walk (limit + offset, saturated), and when searching $5 the folded
    /// search. One shape per filter (none, then `ChatListQuery.Filter`'s
    /// cases), order (recent, old) and search (without, with):
    /// `variant` = (filter × 2 + order) × 2 + search. A shape without the
    /// search has no search condition at all: PostgreSQL sets up a
    /// sub-plan for `$5 IS NULL OR EXISTS (…)` on every call even when it
    /// never runs it.
    enum ChatListShape<let variant: Int>: PreparedShape {
        static var name: String { chatListNames[variant] }
        static var sql: String { chatListTexts[variant] }
    }

    // Built once: postgres-nio asks for a statement's name and text on every call.
    private static let chatListNames = (0..<16).map { "fanout.chatList.\($0)" }
    private static let chatListTexts = (0..<16).map {
        chatListSQL(filter: $0 / 4, descending: ($0 / 2) % 2 == 0, searching: $0 % 2 == 1)
    }

    static func chatListSQL(filter: Int, descending: Bool, searching: Bool) -> String {
        let search = searching ? """
             AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = $fan
                 AND (strpos(lower(u.name COLLATE "und-x-icu"), $5::text) > 0
                      OR strpos(lower(u.username COLLATE "und-x-icu"), $5::text) > 0))
            """ : ""
        let direction = descending ? "DESC" : "ASC"
        // The chat's columns, carried with each page row from where the
        // walk read them (NULL for a fan with deliveries only): joining
        // `chat` again for the page cost one more index probe a row.
        let chat = "c.id AS chat_id, c.unread_count, c.has_unread_tips, c.is_muted, c.last_read_message_id, c.has_purchased_feed, c.pinned_count"
        // Each page row: the fan, its newest message's id (0: none), when
        // that is a delivery its mass message (else NULL), and its chat.
        let page: String
        if filter > 0 {
            let counter = switch ChatListQuery.Filter.allCases[filter - 1] {
            case .unread: "c.unread_count > 0"
            case .whoTipped: "c.tips_cents > 0"
            case .priority: "c.spent_cents > 0"
            }
            page = """
                SELECT q.fan_id, q.last_id,
                       (SELECT d.mass_message_id FROM mass_delivery d WHERE d.creator_id = $1 AND d.message_id = q.last_id) AS delivered_id,
                       q.chat_id, q.unread_count, q.has_unread_tips, q.is_muted, q.last_read_message_id, q.has_purchased_feed, q.pinned_count
                FROM (SELECT c.fan_id, GREATEST(COALESCE(c.last_message_id, 0), COALESCE(
                          (SELECT MAX(d.message_id) FROM mass_delivery d WHERE d.creator_id = $1 AND d.fan_id = c.fan_id), 0)) AS last_id,
                          \(chat)
                      FROM chat c
                      WHERE c.creator_id = $1 AND \(counter)\(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                      ORDER BY last_id \(direction), c.id \(direction) LIMIT $2 OFFSET $3) AS q
                """
        } else {
            // Each side walks its index newest first as far as the page
            // needs (correlated probes, not joins, so that no statistics
            // can turn them into a hash over every delivery; the deliveries'
            // chat a nested-loop probe that keeps the walk's order), then
            // the two are merged (Merge Append).
            page = """
                (SELECT c.fan_id, COALESCE(c.last_message_id, 0) AS last_id, NULL::bigint AS delivered_id, \(chat) FROM chat c
                 WHERE c.creator_id = $1
                   AND COALESCE((SELECT MAX(d.message_id) FROM mass_delivery d WHERE d.creator_id = $1 AND d.fan_id = c.fan_id), 0)
                       <= COALESCE(c.last_message_id, 0)
                   \(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                 ORDER BY COALESCE(c.last_message_id, 0) \(direction) LIMIT $4)
                UNION ALL
                (SELECT d.fan_id, d.message_id, d.mass_message_id, \(chat)
                 FROM mass_delivery d LEFT JOIN chat c ON c.creator_id = $1 AND c.fan_id = d.fan_id
                 WHERE d.creator_id = $1
                   AND d.message_id = (SELECT MAX(n.message_id) FROM mass_delivery n WHERE n.creator_id = $1 AND n.fan_id = d.fan_id)
                   AND COALESCE(c.last_message_id, 0) < d.message_id
                   \(search.replacingOccurrences(of: "$fan", with: "d.fan_id"))
                 ORDER BY d.message_id \(direction) LIMIT $4)
                ORDER BY 2 \(direction) LIMIT $2 OFFSET $3
                """
        }
        // Each page row's last message: a message, or else the delivery the
        // page row names (both take their ids from one sequence, so an id is
        // one or the other), in `PostgresMessageRow.select`'s 19 columns. A
        // delivery is sent by the creator; a message by the creator or the
        // fan: the creator's name is looked up once (an init plan), the
        // fan's where a message of theirs is the last. The message is looked
        // up only for a page row that is not a delivery (a NULL key finds
        // nothing without a probe). The rows come back unordered, with their
        // chat's id, and packed into one cell (`PostgresPackedRows`):
        // `chats` sorts its ≤ limit + 1 rows by (newest id, chat id) itself,
        // which costs less than a Sort node on top of this plan (pgbench:
        // 0.48 → 0.45 ms a statement).
        return """
            WITH p AS MATERIALIZED (\(page))
            SELECT array_agg(ROW(p.fan_id, NULLIF(p.last_id, 0), COALESCE(s.is_active, false),
                   COALESCE(p.unread_count, 0), COALESCE(p.has_unread_tips, false), COALESCE(p.is_muted, false),
                   p.last_read_message_id, COALESCE(p.has_purchased_feed, false), COALESCE(p.pinned_count, 0),
                   COALESCE(m.id, NULLIF(p.last_id, 0)), COALESCE(m.from_user_id, $1), COALESCE(m.price_cents, mm.price_cents),
                   COALESCE(m.is_locked_text, mm.is_locked_text), COALESCE(m.is_tip, false), COALESCE(m.mass_message_id, p.delivered_id),
                   COALESCE(m.created_at, mm.sent_at, mm.created_at), COALESCE(m.changed_at, mm.sent_at, mm.created_at),
                   m.opened_at, m.purchased_at, COALESCE(m.is_liked, false), COALESCE(m.is_pinned, false),
                   COALESCE(m.text, mm.text, ''), mm.state, mm.sent_at, $1::bigint, p.fan_id,
                   CASE WHEN COALESCE(m.from_user_id, $1) = $1 THEN (SELECT name FROM app_user WHERE id = $1)
                        ELSE (SELECT u.name FROM app_user u WHERE u.id = m.from_user_id) END,
                   CASE WHEN m.id IS NOT NULL AND m.mass_message_id IS NULL THEN m.media ELSE mm.media END,
                   COALESCE(p.chat_id, 0)))
            FROM p
            LEFT JOIN subscription s ON s.creator_id = $1 AND s.fan_id = p.fan_id
            LEFT JOIN message m ON m.id = CASE WHEN p.delivered_id IS NULL THEN p.last_id END
            LEFT JOIN mass_message mm ON mm.id = COALESCE(m.mass_message_id, p.delivered_id)
            """
    }

    public func chatMessage(id: Int64, creatorID: Int64) async throws -> ChatMessage? {
        try await read { db in
            try await PostgresMessageRow.fetchAll(db, media: media, clause: "WHERE m.id = \(id) AND c.creator_id = \(creatorID)", logger: logger).first
        }
    }

    public func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await read { db in
            try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM chat WHERE creator_id = \(creatorID) AND fan_id = \(fanID))
                    OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND fan_id = \(fanID))
                """, logger) ?? false
        }
    }

    /// The page in one round trip when it has rows (the chat's id looked up
    /// inside it); only an empty page or a `first_id` asks whether the chat,
    /// and that message, exist.
    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> ChatMessagesLookup {
        let search = query.search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        return try await read { db in
            let page = {
                let messages = if let search {
                    try await PostgresMessageRow.decode(db, media: media, rows: try await db.rows(PostgresMessageRow.ChatSearchPage.self, logger) {
                        $0.append(creatorID); $0.append(query.fanID); $0.append(query.before); $0.append(query.startingAt)
                        $0.append(search); $0.append(query.page.limit + 1); $0.append(query.page.offset); $0.append(query.page.sideLimit)
                    }, logger: logger)
                } else {
                    try await chatPage(db, creatorID: creatorID, query: query)
                }
                // `ChatPage` leaves the order of its ≤ limit + 1 rows to us
                // (`ChatSearchPage`'s come sorted; sorting them again is free).
                return messages.sorted { $0.id > $1.id }
            }
            if query.startingAt == nil {
                let messages = try await page()
                if !messages.isEmpty { return .page(Page(fetched: messages, limit: query.page.limit)) }
            }
            let facts = try await db.rows("""
                SELECT c.id, EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND fan_id = \(query.fanID)),
                       \(query.startingAt)::bigint IS NULL
                       OR EXISTS (SELECT 1 FROM message WHERE id = \(query.startingAt) AND chat_id = c.id)
                       OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = \(creatorID) AND message_id = \(query.startingAt)
                                  AND fan_id = \(query.fanID))
                FROM (SELECT \(creatorID)::bigint AS creator_id) AS k
                LEFT JOIN chat c ON c.creator_id = k.creator_id AND c.fan_id = \(query.fanID)
                """, logger)[0]
            let (chatID, hasDeliveries, firstExists) = try facts.decode((Int64?, Bool, Bool).self)
            guard chatID != nil || hasDeliveries else { return .noChat }
            guard firstExists else { return .noFirstMessage }
            guard query.startingAt != nil else { return .page(Page(fetched: [], limit: query.page.limit)) }
            return .page(Page(fetched: try await page(), limit: query.page.limit))
        }
    }

    /// `ChatPage`, or, when `names` lacks the creator's or the fan's name,
    /// `ChatPageNaming`, whose names it then keeps.
    private func chatPage(_ db: PostgresConnection, creatorID: Int64, query: ChatMessageQuery) async throws -> [ChatMessage] {
        let bind = { (bindings: inout PostgresBindings) in
            bindings.append(creatorID); bindings.append(query.fanID); bindings.append(query.before); bindings.append(query.startingAt)
            bindings.append(query.page.limit + 1); bindings.append(query.page.offset); bindings.append(query.page.sideLimit)
        }
        var creatorName: String?, fanName: String?
        let rows: [PostgresRow]
        if let known = names.names(creatorID, query.fanID) {
            (creatorName, fanName) = known
            rows = try await db.rows(PostgresMessageRow.ChatPage.self, logger, bind)
        } else {
            rows = try await db.rows(PostgresMessageRow.ChatPageNaming.self, logger, bind)
            if let row = rows.first {
                var cells = PostgresColumns(row)
                creatorName = try cells.optionalText(1)
                fanName = try cells.optionalText(2)
                names.insert([(creatorID, creatorName), (query.fanID, fanName)].compactMap { id, name in name.map { (id, $0) } })
            }
        }
        return try await PostgresMessageRow.decode(db, media: media, packed: rows, names: { id in
            id == creatorID ? creatorName : id == query.fanID ? fanName : nil
        }, logger: logger)
    }

    /// The chat's messages and deliveries meeting `condition` (its
    /// parameters bound in `builder`), newest first: each side walks its
    /// (chat, id) index from the cursor and the two are merged. (The chat
    /// page itself is the prepared `ChatPage` or `ChatSearchPage`; this serves the media filters.)
    func chatMessages(
        _ db: PostgresConnection, builder: QueryBuilder, creatorID: Int64, fanID: Int64,
        condition: PostgresMessageRow.Condition, page: PageRequest
    ) async throws -> [ChatMessage] {
        var b = builder
        let creator = b.bind(creatorID), fan = b.bind(fanID)
        let chatID = "(SELECT id FROM chat WHERE creator_id = \(creator) AND fan_id = \(fan))"
        let limit = b.bind(page.limit + 1), offset = b.bind(page.offset), side = b.bind(page.sideLimit)
        return try await PostgresMessageRow.fetchBoth(
            db, media: media, builder: b,
            messages: "WHERE m.chat_id = \(chatID) AND \(condition.onMessage) ORDER BY m.id DESC LIMIT \(side)",
            deliveries: "WHERE d.creator_id = \(creator) AND d.fan_id = \(fan) AND \(condition.onDelivery) ORDER BY d.message_id DESC LIMIT \(side)",
            tail: "ORDER BY 1 DESC LIMIT \(limit) OFFSET \(offset)", logger: logger)
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
