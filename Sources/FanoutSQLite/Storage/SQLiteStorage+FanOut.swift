import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: FanOutStore {
    public func ownedMediaIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM media WHERE creator_id = ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: [creatorID] + StatementArguments(ids)))
        }
    }

    public func ownedListIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM user_list WHERE creator_id = ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: [creatorID] + StatementArguments(ids)))
        }
    }

    public func createMassMessage(_ draft: MassMessageDraft, creatorID: Int64, at now: Date) async throws -> MassMessage {
        let id = try await write { db in
            let state: MassMessageState = draft.scheduledAt == nil ? .queued : .scheduled
            let id: Int64 = try db.run(MassMessageStatements.insert(draft, creatorID: creatorID, state: state, at: now))[0][0]
            try Self.writeContent(db, id: id, draft: draft)
            if draft.scheduledAt == nil { try Self.startSending(db, id: id, at: now) }
            return id
        }
        guard let created = try await countAudience(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Mass message \(id) was deleted as it was created")
        }
        return created
    }

    public func replaceScheduledMassMessage(id: Int64, creatorID: Int64, with draft: MassMessageDraft, at now: Date) async throws -> MassMessage? {
        let replaced = try await write { db in
            guard !(try db.run(MassMessageStatements.replaceScheduled(id: id, creatorID: creatorID, with: draft, at: now))).isEmpty else { return false }
            try db.execute(sql: "DELETE FROM mass_message_media WHERE mass_message_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM mass_message_audience WHERE mass_message_id = ?", arguments: [id])
            try Self.writeContent(db, id: id, draft: draft)
            if draft.scheduledAt == nil { try Self.startSending(db, id: id, at: now) }
            return true
        }
        return replaced ? try await countAudience(id: id, creatorID: creatorID) : nil
    }

    public func startDueMassMessages(at now: Date, of scope: CreatorScope) async throws -> [Date] {
        let (only, allBut) = Self.arguments(scope)
        return try await write { db in
            let due = try Row.fetchAll(
                db, sql: """
                    SELECT id, scheduled_at FROM mass_message WHERE state = ? AND scheduled_at <= ?
                      AND (?3 IS NULL OR creator_id = ?3) AND creator_id NOT IN (SELECT value FROM json_each(?4))
                    ORDER BY scheduled_at, id
                    """,
                arguments: [MassMessageState.scheduled.rawValue, now, only, allBut])
            for row in due {
                try Self.startSending(db, id: row["id"], at: now)
            }
            return due.map { StoredDate.read($0, 1) }
        }
    }

    public func deliverNextBatch(limit: Int, at clock: @escaping @Sendable (_ creatorID: Int64) -> Date) async throws -> Int? {
        try await write { db in
            // Round-robin across creators: the creator served least recently,
            // then its oldest queued mass message.
            guard let job = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT m.id, m.creator_id, m.fan_out_cursor, m.resolving, COALESCE(m.sent_at, m.created_at) FROM mass_message m
                    LEFT JOIN fan_out_turn t ON t.creator_id = m.creator_id
                    WHERE m.state = ? ORDER BY COALESCE(t.turn, 0), m.id LIMIT 1
                    """),
                arguments: [MassMessageState.queued.rawValue])
            else { return nil }
            let id: Int64 = job[0], creatorID: Int64 = job[1], cursor: Int64 = job[2], resolving: Bool = job[3]
            let now = clock(creatorID)
            let deliveredAt = DeliveryDate.stored(deliveredAt: now, sendingSince: StoredDate.read(job, 4))
            // The batch's fans, the next `limit` after the cursor, go into a
            // temporary table of the writer's connection (nothing to write to
            // the WAL), numbered 1... in fanId order: resolved from the
            // audience now, or read from the recipients stored ahead (as the
            // demo's queued ones are).
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS fanOutRecipient (n INTEGER PRIMARY KEY, fan_id INTEGER NOT NULL)")
            try db.cachedStatement(sql: "DELETE FROM temp.fanOutRecipient").execute()
            if resolving {
                try db.cachedStatement(sql: """
                    INSERT INTO temp.fanOutRecipient (fan_id)
                    SELECT fan_id FROM (\(Self.recipientsSQL) AND s.fan_id > :cursor ORDER BY s.fan_id LIMIT :limit)
                    """).execute(arguments: Self.audienceArguments(db, id: id, creatorID: creatorID) + ["cursor": cursor, "limit": limit])
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO temp.fanOutRecipient (fan_id)
                    SELECT fan_id FROM mass_message_recipient WHERE mass_message_id = ? AND fan_id > ? ORDER BY fan_id LIMIT ?
                    """).execute(arguments: [id, cursor, limit])
            }
            let bounds = try Row.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*), MAX(fan_id), MIN(n) FROM temp.fanOutRecipient"))!
            let count: Int = bounds[0]
            let last: Int64 = bounds[1] ?? cursor
            let ids = try Self.deliver(
                db, massMessageID: id, creatorID: creatorID, count: count, firstN: bounds[2] ?? 1, deliveredAt: deliveredAt)
            let finished = count < limit
            // When the last batch was resolved, every recipient got one
            // delivery: `total` becomes exact (old sentCount + this batch's).
            try db.cachedStatement(sql: """
                UPDATE mass_message SET fan_out_cursor = ?1, sent_count = sent_count + ?2,
                    pending = CASE WHEN ?3 THEN 0 ELSE MAX(0, pending - ?4) END, changed_at = ?5, state = ?6, list_type = ?7,
                    total = CASE WHEN ?3 AND resolving THEN sent_count + ?2 ELSE total END,
                    resolving = CASE WHEN ?3 THEN 0 ELSE resolving END,
                    first_delivery_id = COALESCE(first_delivery_id, ?9), last_delivery_id = COALESCE(?10, last_delivery_id)
                WHERE id = ?8
                """).execute(arguments: [
                    last, count, finished, count, now,
                    finished ? MassMessageState.sent.rawValue : MassMessageState.queued.rawValue,
                    finished ? MassMessageListType.sent.rawValue : MassMessageListType.unsent.rawValue, id,
                    ids?.lowerBound, ids?.upperBound,
                ])
            try Self.apply(db, FanOutBatch(creatorID: creatorID, massMessageID: id, count: count, finished: finished, at: now).effects)
            try db.cachedStatement(sql: """
                INSERT INTO fan_out_turn (creator_id, turn) VALUES (?1, (SELECT COALESCE(MAX(turn), 0) + 1 FROM fan_out_turn))
                ON CONFLICT (creator_id) DO UPDATE SET turn = excluded.turn
                """).execute(arguments: [creatorID])
            return count
        }
    }

    public func pendingRecipients() async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(pending), 0) FROM mass_message WHERE state = ?",
                arguments: [MassMessageState.queued.rawValue]) ?? 0
        }
    }

    /// Delivers to the `count` fans in `temp.fanOutRecipient`: reserves
    /// `count` ids from message's sequence and writes one delivery row per
    /// fan, the k-th fan (in fanId order, numbered from `firstN`: an emptied
    /// rowid table starts again at 1) getting the k-th id; one statement,
    /// appending, dated `deliveredAt` (nil: when sending started; see
    /// `DeliveryDate`). Returns the ids used (nil when there was no one).
    private static func deliver(
        _ db: Database, massMessageID: Int64, creatorID: Int64, count: Int, firstN: Int64, deliveredAt: Date?
    ) throws -> ClosedRange<Int64>? {
        guard count > 0 else { return nil }
        let base = try reserveMessageIDs(db, count: count)
        try db.cachedStatement(sql: """
            INSERT INTO mass_delivery (creator_id, message_id, fan_id, mass_message_id, delivered_at)
            SELECT ?1, ?2 + n - ?4 + 1, fan_id, ?3, ?5 FROM temp.fanOutRecipient ORDER BY n
            """).execute(arguments: [creatorID, base, massMessageID, firstN, deliveredAt])
        return (base + 1)...(base + Int64(count))
    }

    /// Takes `count` ids from message's AUTOINCREMENT sequence, which no
    /// message will then reuse; returns the one before the first.
    static func reserveMessageIDs(_ db: Database, count: Int) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO sqlite_sequence (name, seq)
            SELECT 'message', COALESCE((SELECT MAX(id) FROM message), 0)
            WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'message')
            """).execute()
        return try Int64.fetchOne(
            db.cachedStatement(sql: "UPDATE sqlite_sequence SET seq = seq + ?1 WHERE name = 'message' RETURNING seq - ?1"),
            arguments: [count])!
    }

    /// Media (the first `previewMediaCount` are previews) and audience rows.
    private static func writeContent(_ db: Database, id: Int64, draft: MassMessageDraft) throws {
        let media = try db.cachedStatement(sql: "INSERT INTO mass_message_media (mass_message_id, position, media_id, is_preview) VALUES (?, ?, ?, ?)")
        for (position, mediaID) in draft.content.mediaIDs.enumerated() {
            try media.execute(arguments: [id, position, mediaID, position < draft.content.previewMediaCount])
        }
        let audience = try db.cachedStatement(sql: "INSERT OR IGNORE INTO mass_message_audience (mass_message_id, kind, ref_id) VALUES (?, ?, ?)")
        for (kind, ids) in [("user", draft.audience.userIDs), ("list", draft.audience.listIDs), ("exclude", draft.audience.excludedListIDs)] {
            for ref in ids { try audience.execute(arguments: [id, kind, ref]) }
        }
    }

    /// The recipients of mass message `:id`, as SQL over subscriptions and lists;
    /// fans the creator blocked get nothing (a column of the row it reads anyway).
    private static let recipientsSQL = """
        SELECT s.fan_id FROM subscription s
        WHERE s.creator_id = :creator AND s.is_active AND s.blocked_at IS NULL
          AND (:after IS NULL OR s.subscribed_at >= :after)
          AND (NOT EXISTS (SELECT 1 FROM mass_message_audience WHERE mass_message_id = :id AND kind IN ('user', 'list'))
               OR s.fan_id IN (SELECT ref_id FROM mass_message_audience WHERE mass_message_id = :id AND kind = 'user')
               OR s.fan_id IN (SELECT m.fan_id FROM user_list_member m
                              JOIN mass_message_audience a ON a.ref_id = m.list_id AND a.kind = 'list' AND a.mass_message_id = :id))
          AND s.fan_id NOT IN (SELECT m.fan_id FROM user_list_member m
                              JOIN mass_message_audience a ON a.ref_id = m.list_id AND a.kind = 'exclude' AND a.mass_message_id = :id)
        """

    private static func audienceArguments(_ db: Database, id: Int64, creatorID: Int64) throws -> StatementArguments {
        let after = try Date?.fetchOne(db, sql: "SELECT subscribed_after FROM mass_message WHERE id = ?", arguments: [id]) ?? nil
        return ["id": id, "creator": creatorID, "after": after]
    }

    /// Counts the audience of a scheduled or just-started mass message into
    /// `total` (and `pending`), in a read and then a one-row write, so that
    /// no transaction holds the writer while a large audience is counted.
    /// A sending one whose fan-out already finished resolving keeps its exact
    /// count. Returns the mass message.
    private func countAudience(id: Int64, creatorID: Int64) async throws -> MassMessage? {
        let total = try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(Self.recipientsSQL))",
                arguments: Self.audienceArguments(db, id: id, creatorID: creatorID)) ?? 0
        }
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE mass_message SET total = ?1, pending = MAX(0, ?1 - sent_count)
                    WHERE id = ?2 AND (state = ?3 OR (state = ?4 AND resolving))
                    """,
                arguments: [total, id, MassMessageState.scheduled.rawValue, MassMessageState.queued.rawValue])
            return try massMessage(db, id: id, creatorID: creatorID)
        }
    }

    /// Queues the mass message for fan-out; its recipients are resolved batch
    /// by batch as it is delivered (`resolving`), each batch's only for that
    /// batch. `total` keeps its last count until the last batch makes it exact.
    private static func startSending(_ db: Database, id: Int64, at now: Date) throws {
        try db.execute(sql: "DELETE FROM mass_message_recipient WHERE mass_message_id = ?", arguments: [id])
        try db.execute(
            sql: """
                UPDATE mass_message SET state = ?, list_type = ?, sent_at = ?, changed_at = ?, pending = total,
                    sent_count = 0, fan_out_cursor = 0, resolving = 1
                WHERE id = ?
                """,
            arguments: [MassMessageState.queued.rawValue, MassMessageListType.unsent.rawValue, now, now, id])
    }
}
