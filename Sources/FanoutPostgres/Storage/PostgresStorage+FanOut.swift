import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: FanOutStore {
    public func ownedMediaIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            Set(try await db.values(Int64.self, "SELECT id FROM media WHERE creator_id = \(creatorID) AND id = ANY(\(ids))", logger))
        }
    }

    public func ownedListIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            Set(try await db.values(Int64.self, "SELECT id FROM user_list WHERE creator_id = \(creatorID) AND id = ANY(\(ids))", logger))
        }
    }

    public func createMassMessage(_ draft: MassMessageDraft, creatorID: Int64, at now: Date) async throws -> MassMessage {
        let id = try await write { db in
            let state: MassMessageState = draft.scheduledAt == nil ? .queued : .scheduled
            let insert = MassMessageStatements.insert(draft, creatorID: creatorID, state: state, at: now)
            let id = try await db.value(Int64.self, insert.postgresQuery, logger)!
            try await writeContent(db, id: id, draft: draft)
            if draft.scheduledAt == nil { try await startSending(db, id: id, at: now) }
            return id
        }
        guard let created = try await countAudience(id: id, creatorID: creatorID) else {
            throw FanoutError.notFound("Mass message \(id) was deleted as it was created")
        }
        return created
    }

    public func replaceScheduledMassMessage(id: Int64, creatorID: Int64, with draft: MassMessageDraft, at now: Date) async throws -> MassMessage? {
        let replaced = try await write { db in
            let replace = MassMessageStatements.replaceScheduled(id: id, creatorID: creatorID, with: draft, at: now)
            guard try await db.run(replace.postgresQuery, logger) > 0 else { return false }
            try await db.run("DELETE FROM mass_message_media WHERE mass_message_id = \(id)", logger)
            try await db.run("DELETE FROM mass_message_audience WHERE mass_message_id = \(id)", logger)
            try await writeContent(db, id: id, draft: draft)
            if draft.scheduledAt == nil { try await startSending(db, id: id, at: now) }
            return true
        }
        return replaced ? try await countAudience(id: id, creatorID: creatorID) : nil
    }

    /// Each due one is started by exactly one instance: the rows are locked
    /// as they are picked, and rows another instance holds are skipped.
    public func startDueMassMessages(at now: Date, of scope: CreatorScope) async throws -> [Date] {
        let (only, allBut) = Self.arguments(scope)
        return try await write { db in
            let due = try await db.rows("""
                SELECT id, scheduled_at FROM mass_message WHERE state = 'scheduled' AND scheduled_at <= \(now)
                  AND (\(only)::bigint IS NULL OR creator_id = \(only)) AND NOT (creator_id = ANY(\(allBut)))
                ORDER BY scheduled_at, id FOR UPDATE SKIP LOCKED
                """, logger).map { try $0.decode((Int64, Date).self) }
            for (id, _) in due { try await startSending(db, id: id, at: now) }
            return due.map(\.1)
        }
    }

    public func deliverNextBatch(limit: Int, at clock: @escaping @Sendable (_ creatorID: Int64) -> Date) async throws -> Int? {
        do {
            guard let (count, finished) = try await write({ db in try await deliverBatch(db, limit: limit, at: clock) }) else { return nil }
            if let finished { try await refreshDeliveryStatistics(after: finished) }
            return count
        } catch is FanOutBatchAbandoned {
            // Recalled while this batch ran: it rolled back; there may be more to do.
            return 0
        }
    }

    /// A finished fan-out that grew `mass_delivery` by a tenth or more
    /// analyzes it at once: the read pages' plans (chosen from statistics)
    /// went wrong for the minute autovacuum took, most of all after the
    /// first fan-out into a table analyzed while empty.
    private func refreshDeliveryStatistics(after delivered: Int) async throws {
        try await read { db in
            let estimate = try await db.value(Double.self, "SELECT reltuples::float8 FROM pg_class WHERE oid = 'mass_delivery'::regclass", logger) ?? 0
            if Double(delivered) >= estimate / 10 { try await db.run("ANALYZE mass_delivery", logger) }
        }
    }

    /// One batch of one slice, in the caller's transaction: a slice of the
    /// creator served least recently (round-robin across creators), its
    /// oldest mass message first. The slice row stays locked until commit;
    /// another instance takes another slice.
    /// The count delivered, and the recipients in all when this batch
    /// finished its mass message.
    private func deliverBatch(_ db: PostgresConnection, limit: Int, at clock: (_ creatorID: Int64) -> Date) async throws -> (Int, finished: Int?)? {
        guard let job = try await db.rows("""
            SELECT s.mass_message_id, s.slice, s.cursor, s.last_fan_id, m.creator_id, m.resolving, m.subscribed_after,
                   COALESCE(m.sent_at, m.created_at)
            FROM fan_out_slice s JOIN mass_message m ON m.id = s.mass_message_id
            LEFT JOIN fan_out_turn t ON t.creator_id = m.creator_id
            WHERE m.state = 'queued'
            ORDER BY COALESCE(t.turn, 0), s.mass_message_id, s.slice LIMIT 1
            FOR UPDATE OF s SKIP LOCKED
            """, logger).first
        else { return nil }
        let (id, slice, cursor, lastFanID, creatorID, resolving, after, sendingSince) = try job.decode(
            (Int64, Int, Int64, Int64, Int64, Bool, Date?, Date?).self)
        let now = clock(creatorID)
        let deliveredAt = DeliveryDate.stored(deliveredAt: now, sendingSince: sendingSince)
        // The slice's next fans after its cursor, in fan id order: resolved
        // from the audience now, or read from the recipients stored ahead
        // (as the demo's half-sent ones are); each gets an id from message's
        // sequence, so DMs and deliveries share one id order.
        var b = QueryBuilder()
        let batch: String
        if resolving {
            let recipients = Self.recipientsSQL(&b, id: id, creatorID: creatorID, after: after)
            batch = "\(recipients) AND s.fan_id > \(b.bind(cursor)) AND s.fan_id <= \(b.bind(lastFanID)) ORDER BY s.fan_id LIMIT \(b.bind(limit))"
        } else {
            batch = """
                SELECT fan_id FROM mass_message_recipient
                WHERE mass_message_id = \(b.bind(id)) AND fan_id > \(b.bind(cursor)) AND fan_id <= \(b.bind(lastFanID))
                ORDER BY fan_id LIMIT \(b.bind(limit))
                """
        }
        let sql = """
            WITH batch AS (\(batch)),
            delivered AS (
                INSERT INTO mass_delivery (creator_id, message_id, fan_id, mass_message_id, delivered_at)
                SELECT \(b.bind(creatorID)), nextval('message_id_seq'), fan_id, \(b.bind(id)), \(b.bind(deliveredAt))::timestamptz
                FROM batch ORDER BY fan_id
                RETURNING message_id, fan_id)
            SELECT COUNT(*), MAX(fan_id), MIN(message_id), MAX(message_id) FROM delivered
            """
        let summary = try await db.rows(b.query(sql), logger)[0]
        let (count, lastFan, firstDelivery, lastDelivery) = try summary.decode((Int, Int64?, Int64?, Int64?).self)
        let finished = count < limit
        if finished {
            try await db.run("DELETE FROM fan_out_slice WHERE mass_message_id = \(id) AND slice = \(slice)", logger)
        } else {
            try await db.run("UPDATE fan_out_slice SET cursor = \(lastFan ?? cursor) WHERE mass_message_id = \(id) AND slice = \(slice)", logger)
        }
        // Waits for a recall in progress; finds nothing if one committed.
        guard let slicesLeft = try await db.value(Int.self, """
            UPDATE mass_message SET sent_count = sent_count + \(count), pending = GREATEST(0, pending - \(count)), changed_at = \(now),
                fan_out_slices_left = fan_out_slices_left - \(finished ? 1 : 0),
                first_delivery_id = LEAST(first_delivery_id, \(firstDelivery)::bigint),
                last_delivery_id = GREATEST(last_delivery_id, \(lastDelivery)::bigint)
            WHERE id = \(id) AND state = 'queued'
            RETURNING fan_out_slices_left
            """, logger)
        else { throw FanOutBatchAbandoned() }
        var finishedTotal: Int?
        if slicesLeft <= 0 {
            // Every slice done: every recipient got one delivery, so `total`
            // becomes exact when they were resolved as it went.
            finishedTotal = try await db.value(Int.self, """
                UPDATE mass_message SET state = 'sent', list_type = 'sent', pending = 0, resolving = false,
                    total = CASE WHEN resolving THEN sent_count ELSE total END
                WHERE id = \(id)
                RETURNING sent_count
                """, logger)
        }
        try await apply(db, FanOutBatch(creatorID: creatorID, massMessageID: id, count: count, finished: slicesLeft <= 0, at: now).effects)
        // Last, so that instances serving this creator's slices at once wait
        // on its row only from here to their commit.
        try await db.run("""
            INSERT INTO fan_out_turn (creator_id, turn) VALUES (\(creatorID), (SELECT COALESCE(MAX(turn), 0) + 1 FROM fan_out_turn))
            ON CONFLICT (creator_id) DO UPDATE SET turn = excluded.turn
            """, logger)
        return (count, finishedTotal)
    }

    public func pendingRecipients() async throws -> Int {
        try await read { db in
            try await db.value(Int.self, "SELECT COALESCE(SUM(pending), 0)::bigint FROM mass_message WHERE state = 'queued'", logger) ?? 0
        }
    }

    /// Media (the first `previewMediaCount` are previews) and audience rows.
    private func writeContent(_ db: PostgresConnection, id: Int64, draft: MassMessageDraft) async throws {
        try await attach(db, draft.content, to: .massMessage, id: id)
        let audience = draft.audience
        let kinds = audience.userIDs.map { _ in "user" } + audience.listIDs.map { _ in "list" } + audience.excludedListIDs.map { _ in "exclude" }
        let refs = audience.userIDs + audience.listIDs + audience.excludedListIDs
        guard !refs.isEmpty else { return }
        try await db.run("""
            INSERT INTO mass_message_audience (mass_message_id, kind, ref_id)
            SELECT \(id), kind, ref_id FROM unnest(\(kinds), \(refs)) AS a (kind, ref_id)
            ON CONFLICT DO NOTHING
            """, logger)
    }

    /// The recipients of mass message `id`, as SQL over subscriptions and
    /// lists (alias `s`, to be followed by `AND …`), its values bound in `b`;
    /// fans the creator blocked get nothing (a column of the row it reads anyway).
    private static func recipientsSQL(_ b: inout QueryBuilder, id: Int64, creatorID: Int64, after: Date?) -> String {
        let id = b.bind(id), creator = b.bind(creatorID), after = b.bind(after)
        return """
            SELECT s.fan_id FROM subscription s
            WHERE s.creator_id = \(creator) AND s.is_active AND s.blocked_at IS NULL
              AND (\(after)::timestamptz IS NULL OR s.subscribed_at >= \(after)::timestamptz)
              AND (NOT EXISTS (SELECT 1 FROM mass_message_audience WHERE mass_message_id = \(id) AND kind IN ('user', 'list'))
                   OR s.fan_id IN (SELECT ref_id FROM mass_message_audience WHERE mass_message_id = \(id) AND kind = 'user')
                   OR s.fan_id IN (SELECT m.fan_id FROM user_list_member m
                                   JOIN mass_message_audience a ON a.ref_id = m.list_id AND a.kind = 'list' AND a.mass_message_id = \(id)))
              AND s.fan_id NOT IN (SELECT m.fan_id FROM user_list_member m
                                   JOIN mass_message_audience a ON a.ref_id = m.list_id AND a.kind = 'exclude' AND a.mass_message_id = \(id))
            """
    }

    /// Counts the audience of a scheduled or just-started mass message into
    /// `total` (and `pending`) in a read, then a one-row write; a sending one
    /// whose fan-out already finished keeps its exact count.
    private func countAudience(id: Int64, creatorID: Int64) async throws -> MassMessage? {
        let total = try await read { db in
            let after = try await db.value(Date?.self, "SELECT subscribed_after FROM mass_message WHERE id = \(id)", logger) ?? nil
            var b = QueryBuilder()
            let recipients = Self.recipientsSQL(&b, id: id, creatorID: creatorID, after: after)
            return try await db.value(Int.self, b.query("SELECT COUNT(*) FROM (\(recipients)) AS r"), logger) ?? 0
        }
        return try await write { db in
            try await db.run("""
                UPDATE mass_message SET total = \(total), pending = GREATEST(0, \(total) - sent_count)
                WHERE id = \(id) AND (state = 'scheduled' OR (state = 'queued' AND resolving))
                """, logger)
            return try await massMessage(db, id: id, creatorID: creatorID)
        }
    }

    /// Fan id ranges per slice: a slice for every 25,000 ids of the
    /// creator's subscribers, at most 16, so that several instances can share
    /// one large fan-out; the last slice is open-ended (fans who subscribe
    /// while it is under way get it too).
    static func slices(minFanID: Int64?, maxFanID: Int64?) -> [(cursor: Int64, last: Int64)] {
        guard let low = minFanID, let high = maxFanID, high > low else { return [(0, .max)] }
        let span = high - low + 1
        let count = Int64(min(16, max(1, span / 25_000)))
        let width = span / count
        return (0..<count).map { k in
            (k == 0 ? 0 : low + k * width - 1, k == count - 1 ? .max : low + (k + 1) * width - 1)
        }
    }

    /// Queues the mass message for fan-out, split into slices; its
    /// recipients are resolved slice by slice, batch by batch.
    private func startSending(_ db: PostgresConnection, id: Int64, at now: Date) async throws {
        try await db.run("DELETE FROM mass_message_recipient WHERE mass_message_id = \(id)", logger)
        try await db.run("DELETE FROM fan_out_slice WHERE mass_message_id = \(id)", logger)
        let creatorID = try await db.value(Int64.self, "SELECT creator_id FROM mass_message WHERE id = \(id)", logger)!
        let bounds = try await db.rows(
            "SELECT MIN(fan_id), MAX(fan_id) FROM subscription WHERE creator_id = \(creatorID)", logger)[0].decode((Int64?, Int64?).self)
        let slices = Self.slices(minFanID: bounds.0, maxFanID: bounds.1)
        try await db.run("""
            INSERT INTO fan_out_slice (mass_message_id, slice, cursor, last_fan_id)
            SELECT \(id), slice - 1, cursor, last FROM unnest(\(slices.map(\.cursor)), \(slices.map(\.last))) WITH ORDINALITY AS a (cursor, last, slice)
            """, logger)
        try await db.run("""
            UPDATE mass_message SET state = 'queued', list_type = 'unsent', sent_at = \(now), changed_at = \(now), pending = total,
                sent_count = 0, resolving = true, fan_out_slices_left = \(slices.count)
            WHERE id = \(id)
            """, logger)
    }
}

/// A batch found its mass message recalled and rolled back.
struct FanOutBatchAbandoned: Error {}
