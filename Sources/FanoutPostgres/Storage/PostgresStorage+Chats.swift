import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: ChatStore {
    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        try await read { db in
            let search = query.search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let filter = query.filter.map { ChatListQuery.Filter.allCases.firstIndex(of: $0)! + 1 } ?? 0
            let variant = ((((filter * 2 + (query.order == .recent ? 0 : 1)) * 2) + (search == nil ? 0 : 1)) * 2)
                + (query.userListID == nil ? 0 : 1)
            let (summaries, chatIDs) = try await PostgresStoredMessage.retryingWhileChanged { acceptingChanges in
                var summaries: [ChatSummary] = []
                let rows = try await Self.chatList(variant: variant, db, logger) {
                    $0.append(creatorID); $0.append(query.page.limit + 1); $0.append(query.page.offset); $0.append(query.page.sideLimit)
                    if let search { $0.append(search) }
                    if let listID = query.userListID { $0.append(listID) }
                }
                var records = try PostgresPackedRows.records(rows)
                var chatIDs: [Int64] = []
                var stored: [PostgresStoredMessage?] = []
                summaries.reserveCapacity(records.count)
                for index in records.indices {
                    let (summary, chatID, message) = try Self.summary(&records[index], creatorID: creatorID)
                    summaries.append(summary)
                    chatIDs.append(chatID)
                    stored.append(message)
                }
                var changes: Int64 = 0, creatorName: String?
                if let row = rows.first {
                    var cells = PostgresColumns(row)
                    changes = try cells.optionalInt64(1) ?? 0
                    creatorName = try cells.optionalText(2)
                }
                let lastMessages = try await PostgresStoredMessage.complete(
                    stored, changes: changes, names: { $0 == creatorID ? creatorName : nil }, acceptingChanges: acceptingChanges, on: db,
                    facts: massMessageFacts, media: media, logger: logger)
                for index in summaries.indices { summaries[index].lastMessage = lastMessages[index] }
                return (summaries, chatIDs)
            }
            // The statement leaves the page's order to us (see `chatListSQL`).
            let sorted = zip(summaries, chatIDs).sorted { a, b in
                let keyA = (a.0.lastMessage?.id ?? 0, a.1), keyB = (b.0.lastMessage?.id ?? 0, b.1)
                return query.order == .recent ? keyA > keyB : keyA < keyB
            }
            return Page(fetched: sorted.map(\.0), limit: query.page.limit)
        }
    }

    /// A chats-list record: the chat (all but the fan NULL for a fan with
    /// deliveries only), its id (0: none yet), and its newest message as
    /// stored (`PostgresStoredMessage`): the chat's own, or its newest
    /// delivery, or none; last, whether the creator blocked the fan.
    private static func summary(
        _ field: inout PostgresRecordColumns, creatorID: Int64
    ) throws -> (ChatSummary, chatID: Int64, PostgresStoredMessage?) {
        let fanID = try field.int64(0), lastID = try field.int64(1)
        var summary = ChatSummary(
            fanID: fanID, isSubscribed: try field.optionalBool(2) ?? false, unreadCount: Int(try field.optionalInt64(3) ?? 0),
            hasUnreadTips: try field.optionalBool(4) ?? false, isMuted: try field.optionalBool(5) ?? false, lastMessage: nil,
            lastReadMessageID: try field.optionalInt64(6), hasPurchasedFeed: try field.optionalBool(7) ?? false,
            pinnedCount: Int(try field.optionalInt64(8) ?? 0))
        let chatID = try field.optionalInt64(9) ?? 0
        let deliveredID = try field.optionalInt64(10)
        let message: PostgresStoredMessage?
        if let id = try field.optionalInt64(11) {
            message = PostgresStoredMessage(
                id: id, creatorID: creatorID, fanID: fanID, fromUserID: try field.int64(12), priceCents: try field.optionalInt64(13),
                isLockedText: try field.optionalBool(14), isTip: try field.bool(15), massMessageID: try field.optionalInt64(16),
                createdAt: try field.optionalDate(17), changedAt: try field.optionalDate(18), openedAt: try field.optionalDate(19),
                purchasedAt: try field.optionalDate(20), isLiked: try field.bool(21), isPinned: try field.bool(22),
                text: try field.optionalText(23), media: try field.optionalInt64Array(24), isDelivery: false,
                senderName: try field.optionalText(25))
        } else if let deliveredID {
            message = PostgresStoredMessage(
                id: lastID, creatorID: creatorID, fanID: fanID, fromUserID: creatorID, priceCents: nil, isLockedText: nil, isTip: false,
                massMessageID: deliveredID, createdAt: try field.optionalDate(17), changedAt: nil, openedAt: nil, purchasedAt: nil,
                isLiked: false,
                isPinned: false, text: nil, media: nil, isDelivery: true, senderName: nil)
        } else if lastID == 0 {
            message = nil
        } else {
            throw PostgresPackedRowsError(reason: "no message \(lastID), the newest of the chat with fan \(fanID)")
        }
        summary.isBlocked = try field.optionalBool(26) ?? false
        return (summary, chatID, message)
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
    /// The prepared list of one variant (filter, order, searching or not, one user list or all).
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
        case 15: try await db.rows(ChatListShape<15>.self, logger, bind)
        case 16: try await db.rows(ChatListShape<16>.self, logger, bind)
        case 17: try await db.rows(ChatListShape<17>.self, logger, bind)
        case 18: try await db.rows(ChatListShape<18>.self, logger, bind)
        case 19: try await db.rows(ChatListShape<19>.self, logger, bind)
        case 20: try await db.rows(ChatListShape<20>.self, logger, bind)
        case 21: try await db.rows(ChatListShape<21>.self, logger, bind)
        case 22: try await db.rows(ChatListShape<22>.self, logger, bind)
        case 23: try await db.rows(ChatListShape<23>.self, logger, bind)
        case 24: try await db.rows(ChatListShape<24>.self, logger, bind)
        case 25: try await db.rows(ChatListShape<25>.self, logger, bind)
        case 26: try await db.rows(ChatListShape<26>.self, logger, bind)
        case 27: try await db.rows(ChatListShape<27>.self, logger, bind)
        case 28: try await db.rows(ChatListShape<28>.self, logger, bind)
        case 29: try await db.rows(ChatListShape<29>.self, logger, bind)
        case 30: try await db.rows(ChatListShape<30>.self, logger, bind)
        default: try await db.rows(ChatListShape<31>.self, logger, bind)
        }
    }

    /// $1 creator, $2 limit, $3 offset, $4 how far each side may have to
    /// walk (limit + offset, saturated), when searching $5 the folded
    /// search, and then the user list when one is asked for. One shape per
    /// filter (none, then `ChatListQuery.Filter`'s cases), order (recent,
    /// old), search (without, with) and list (without, with): `variant` =
    /// ((filter × 2 + order) × 2 + search) × 2 + list. A shape without the
    /// search has no search condition at all: PostgreSQL sets up a
    /// sub-plan for `$5 IS NULL OR EXISTS (…)` on every call even when it
    /// never runs it.
    enum ChatListShape<let variant: Int>: PreparedShape {
        static var name: String { chatListNames[variant] }
        static var sql: String { chatListTexts[variant] }
    }

    // Built once: postgres-nio asks for a statement's name and text on every call.
    private static let chatListNames = (0..<32).map { "fanout.chatList.\($0)" }
    private static let chatListTexts = (0..<32).map {
        chatListSQL(filter: $0 / 8, descending: ($0 / 4) % 2 == 0, searching: ($0 / 2) % 2 == 1, listing: $0 % 2 == 1)
    }

    static func chatListSQL(filter: Int, descending: Bool, searching: Bool, listing: Bool = false) -> String {
        let search = (searching ? """
             AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = $fan
                 AND (strpos(lower(u.name COLLATE "und-x-icu"), $5::text) > 0
                      OR strpos(lower(u.username COLLATE "und-x-icu"), $5::text) > 0))
            """ : "") + (listing
                ? " AND EXISTS (SELECT 1 FROM user_list_member l WHERE l.list_id = $\(searching ? 6 : 5)::bigint AND l.fan_id = $fan)" : "")
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
                       (SELECT d.delivered_at FROM mass_delivery d WHERE d.creator_id = $1 AND d.message_id = q.last_id) AS delivered_at,
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
                (SELECT c.fan_id, COALESCE(c.last_message_id, 0) AS last_id, NULL::bigint AS delivered_id,
                        NULL::timestamptz AS delivered_at, \(chat) FROM chat c
                 WHERE c.creator_id = $1
                   AND COALESCE((SELECT MAX(d.message_id) FROM mass_delivery d WHERE d.creator_id = $1 AND d.fan_id = c.fan_id), 0)
                       <= COALESCE(c.last_message_id, 0)
                   \(search.replacingOccurrences(of: "$fan", with: "c.fan_id"))
                 ORDER BY COALESCE(c.last_message_id, 0) \(direction) LIMIT $4)
                UNION ALL
                (SELECT d.fan_id, d.message_id, d.mass_message_id, d.delivered_at, \(chat)
                 FROM mass_delivery d LEFT JOIN chat c ON c.creator_id = $1 AND c.fan_id = d.fan_id
                 WHERE d.creator_id = $1
                   AND d.message_id = (SELECT MAX(n.message_id) FROM mass_delivery n WHERE n.creator_id = $1 AND n.fan_id = d.fan_id)
                   AND COALESCE(c.last_message_id, 0) < d.message_id
                   \(search.replacingOccurrences(of: "$fan", with: "d.fan_id"))
                 ORDER BY d.message_id \(direction) LIMIT $4)
                ORDER BY 2 \(direction) LIMIT $2 OFFSET $3
                """
        }
        // Each page row as stored, with its newest message: the chat's own
        // (looked up only for a page row that is not a delivery: a NULL key
        // finds nothing without a probe), or the delivery the page row
        // names; a fan's name where a message of theirs is the newest. Then
        // the creator's mass-message change count and name. No join to
        // `mass_message`: `PostgresStoredMessage` completes the rows from
        // `MassMessageFactsCache` (pgbench, generic plans, 8 clients: ~8,500
        // → ~11,600 statements a second). The rows come back unordered,
        // with their chat's id, and packed into one cell
        // (`PostgresPackedRows`): `chats` sorts its ≤ limit + 1 rows by
        // (newest id, chat id) itself, which costs less than a Sort node on
        // top of this plan (pgbench: 0.48 → 0.45 ms a statement).
        return """
            WITH p AS MATERIALIZED (\(page))
            SELECT array_agg(ROW(p.fan_id, p.last_id, s.is_active, p.unread_count, p.has_unread_tips, p.is_muted, p.last_read_message_id,
                   p.has_purchased_feed, p.pinned_count, p.chat_id, p.delivered_id,
                   m.id, m.from_user_id, m.price_cents, m.is_locked_text, m.is_tip, m.mass_message_id,
                   COALESCE(m.created_at, p.delivered_at), m.changed_at,
                   m.opened_at, m.purchased_at, m.is_liked, m.is_pinned, m.text, m.media,
                   CASE WHEN m.from_user_id <> $1 THEN (SELECT u.name FROM app_user u WHERE u.id = m.from_user_id) END,
                   s.blocked_at IS NOT NULL)),
                   (SELECT changes FROM mass_message_changes WHERE creator_id = $1), (SELECT name FROM app_user WHERE id = $1)
            FROM p
            LEFT JOIN subscription s ON s.creator_id = $1 AND s.fan_id = p.fan_id
            LEFT JOIN message m ON m.id = CASE WHEN p.delivered_id IS NULL THEN p.last_id END
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
                // `PostgresChatPage` leaves the order of its ≤ limit + 1 rows to us
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

    /// `PostgresChatPage.Plain`, or, when `names` lacks the creator's or the
    /// fan's name, `PostgresChatPage.Naming`, whose names it then keeps.
    private func chatPage(_ db: PostgresConnection, creatorID: Int64, query: ChatMessageQuery) async throws -> [ChatMessage] {
        let bind = { (bindings: inout PostgresBindings) in
            bindings.append(creatorID); bindings.append(query.fanID); bindings.append(query.before); bindings.append(query.startingAt)
            bindings.append(query.page.limit + 1); bindings.append(query.page.offset); bindings.append(query.page.sideLimit)
        }
        return try await PostgresStoredMessage.retryingWhileChanged { acceptingChanges in
            var creatorName: String?, fanName: String?
            let rows: [PostgresRow]
            if let known = names.names(creatorID, query.fanID) {
                (creatorName, fanName) = known
                rows = try await db.rows(PostgresChatPage.Plain.self, logger, bind)
            } else {
                rows = try await db.rows(PostgresChatPage.Naming.self, logger, bind)
                if let row = rows.first {
                    var cells = PostgresColumns(row)
                    creatorName = try cells.optionalText(2)
                    fanName = try cells.optionalText(3)
                    names.insert([(creatorID, creatorName), (query.fanID, fanName)].compactMap { id, name in name.map { (id, $0) } })
                }
            }
            return try await PostgresChatPage.messages(
                db, rows: rows, creatorID: creatorID, fanID: query.fanID,
                names: { id in id == creatorID ? creatorName : id == query.fanID ? fanName : nil },
                acceptingChanges: acceptingChanges, facts: massMessageFacts, media: media, logger: logger)
        }
    }

    /// The chat's messages and deliveries meeting `condition` (its
    /// parameters bound in `builder`), newest first: each side walks its
    /// (chat, id) index from the cursor and the two are merged. (The chat
    /// page itself is the prepared `PostgresChatPage` or `ChatSearchPage`; this serves the media filters.)
    func chatMessages(
        _ db: PostgresConnection, builder: QueryBuilder, creatorID: Int64, fanID: Int64,
        condition: MessageCondition, page: PageRequest
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
