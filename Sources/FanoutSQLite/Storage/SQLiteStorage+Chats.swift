import FanoutCore
import GRDB

extension SQLiteStorage: ChatStore {
    public func chats(creatorID: Int64, query: ChatListQuery) async throws -> Page<ChatSummary> {
        try await pool.read { db in
            var sql = """
                SELECT c.fanId, u.name, u.username, u.avatar, u.isVerified, COALESCE(s.isActive, 0), c.unreadCount,
                       c.hasUnreadTips, c.isMuted, c.lastMessageId, c.lastReadMessageId, c.hasPurchasedFeed, c.pinnedCount
                FROM chat c
                JOIN user u ON u.id = c.fanId
                LEFT JOIN subscription s ON s.creatorId = c.creatorId AND s.fanId = c.fanId
                WHERE c.creatorId = ?
                """
            var arguments: StatementArguments = [creatorID]
            switch query.filter {
            case .unread: sql += " AND c.unreadCount > 0"
            case .whoTipped: sql += " AND c.tipsCents > 0"
            case .priority: sql += " AND c.spentCents > 0"
            case nil: break
            }
            if let search = query.search, !search.isEmpty {
                sql += " AND (instr(fanout_fold(u.name), ?) > 0 OR instr(fanout_fold(u.username), ?) > 0)"
                let needle = TextFold.fold(search)
                arguments += [needle, needle]
            }
            let direction = query.order == .recent ? "DESC" : "ASC"
            sql += " ORDER BY c.lastMessageId \(direction), c.id \(direction) LIMIT ? OFFSET ?"
            arguments += [query.page.limit + 1, query.page.offset]

            var summaries: [ChatSummary] = []
            var lastIDs: [Int64?] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                summaries.append(ChatSummary(
                    fan: UserProfile(id: row[0], name: row[1], username: row[2], avatar: row[3], isVerified: row[4]),
                    isSubscribed: row[5], unreadCount: row[6], hasUnreadTips: row[7], isMuted: row[8],
                    lastMessage: nil, lastReadMessageID: row[10], hasPurchasedFeed: row[11], pinnedCount: row[12]))
                lastIDs.append(row[9])
            }
            let wanted = lastIDs.compactMap { $0 }
            let lastMessages = wanted.isEmpty ? [] : try MessageRow.fetchAll(
                db, media: media, where: "WHERE m.id IN (\(databaseQuestionMarks(count: wanted.count)))", arguments: StatementArguments(wanted))
            let byID = Dictionary(uniqueKeysWithValues: lastMessages.map { ($0.id, $0) })
            for index in summaries.indices { summaries[index].lastMessage = lastIDs[index].flatMap { byID[$0] } }
            return Page(fetched: summaries, limit: query.page.limit)
        }
    }

    public func chatExists(creatorID: Int64, fanID: Int64) async throws -> Bool {
        try await pool.read { db in try Self.chatID(db, creatorID: creatorID, fanID: fanID) != nil }
    }

    static func messageExists(_ db: Database, id: Int64, chatID: Int64) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM message WHERE id = ? AND chatId = ?)"), arguments: [id, chatID]
        ) ?? false
    }

    public func messages(creatorID: Int64, query: ChatMessageQuery) async throws -> ChatMessagesLookup {
        try await pool.read { db in
            guard let chatID = try Self.chatID(db, creatorID: creatorID, fanID: query.fanID) else { return .noChat }
            if let firstID = query.startingAt, try !Self.messageExists(db, id: firstID, chatID: chatID) {
                return .noFirstMessage
            }
            // One walk of message_chat (chatId, id) from the cursor, newest first.
            var sql = "WHERE m.chatId = ?"
            var arguments: StatementArguments = [chatID]
            if let before = query.before {
                sql += " AND m.id < ?"
                arguments += [before]
            }
            if let startingAt = query.startingAt {
                sql += " AND m.id <= ?"
                arguments += [startingAt]
            }
            if let search = query.search, !search.isEmpty {
                sql += " AND instr(fanout_fold(COALESCE(m.text, mm.text, '')), ?) > 0"
                arguments += [TextFold.fold(search)]
            }
            sql += " ORDER BY m.id DESC LIMIT ? OFFSET ?"
            arguments += [query.page.limit + 1, query.page.offset]
            return .page(Page(fetched: try MessageRow.fetchAll(db, media: media, where: sql, arguments: arguments), limit: query.page.limit))
        }
    }

    public func users(ids: [Int64]) async throws -> [UserProfile] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM user WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids))
            let byID = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row["id"] as Int64, UserProfile(id: row["id"], name: row["name"], username: row["username"],
                                                 avatar: row["avatar"], isVerified: row["isVerified"]))
            })
            return ids.compactMap { byID[$0] }
        }
    }

    /// The chat's id, creating the chat if it does not exist yet.
    static func chatIDCreatingIfNeeded(_ db: Database, creatorID: Int64, fanID: Int64) throws -> Int64 {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO chat (creatorId, fanId) VALUES (?, ?)
            ON CONFLICT (creatorId, fanId) DO UPDATE SET fanId = excluded.fanId RETURNING id
            """)
        return try Int64.fetchOne(upsert, arguments: [creatorID, fanID])!
    }

    static func chatID(_ db: Database, creatorID: Int64, fanID: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM chat WHERE creatorId = ? AND fanId = ?"), arguments: [creatorID, fanID])
    }
}
