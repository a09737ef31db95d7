import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: VaultStore {
    /// A media's likes and earnings: over the messages that carry it, direct
    /// ones through `message_media`, a mass message's through
    /// `mass_message_media` (a fan's copy of it is a `message` row once acted on).
    static let vaultCounters = """
        (SELECT count(*) FROM message_media x JOIN message m ON m.id = x.message_id WHERE x.media_id = media.id AND m.is_liked)
          + (SELECT count(*) FROM mass_message_media x JOIN message m ON m.mass_message_id = x.mass_message_id
             WHERE x.media_id = media.id AND m.is_liked) AS likes,
        ((SELECT COALESCE(sum(p.amount_cents), 0) FROM message_media x JOIN purchase p ON p.message_id = x.message_id
         WHERE x.media_id = media.id)
          + (SELECT COALESCE(sum(p.amount_cents), 0) FROM mass_message_media x JOIN purchase p ON p.mass_message_id = x.mass_message_id
             WHERE x.media_id = media.id))::bigint AS earned
        """

    public func vaultMedia(creatorID: Int64, query: VaultMediaQuery) async throws -> Page<VaultMedia> {
        let search = query.search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let order = switch query.sort {
        case .recent: "media.id DESC"
        case .oldest: "media.id ASC"
        case .mostLiked: "likes DESC, media.id DESC"
        case .highestTips: "earned DESC, media.id DESC"
        }
        return try await read { db in
            let rows = try await db.rows("""
                SELECT \(unescaped: PostgresMediaRow.columns), \(unescaped: Self.vaultCounters) FROM media
                WHERE creator_id = \(creatorID)
                  AND (\(query.kind?.rawValue)::text IS NULL OR kind = \(query.kind?.rawValue)::text)
                  AND (\(query.listID)::bigint IS NULL
                       OR EXISTS (SELECT 1 FROM vault_list_media l WHERE l.list_id = \(query.listID)::bigint AND l.media_id = media.id))
                  AND (\(search)::text IS NULL OR strpos(lower(COALESCE(filename, '') COLLATE "und-x-icu"), \(search)::text) > 0)
                ORDER BY \(unescaped: order) LIMIT \(query.page.limit + 1) OFFSET \(query.page.offset)
                """, logger)
            var items = try rows.map { row in
                let cells = row.makeRandomAccess()
                return VaultMedia(
                    media: try PostgresMediaRow.decode(row), likesCount: try cells[18].decode(Int.self),
                    earned: Money(cents: try cells[19].decode(Int64.self)), lists: [])
            }
            let ids = items.map(\.media.id)
            if !ids.isEmpty {
                var lists: [Int64: [VaultListReference]] = [:]
                for row in try await db.rows("""
                    SELECT l.media_id, v.id, v.name FROM vault_list_media l JOIN vault_list v ON v.id = l.list_id
                    WHERE l.media_id = ANY(\(ids)) ORDER BY v.id
                    """, logger) {
                    let (mediaID, id, name) = try row.decode((Int64, Int64, String).self)
                    lists[mediaID, default: []].append(VaultListReference(id: id, name: name))
                }
                for index in items.indices { items[index].lists = lists[items[index].media.id] ?? [] }
            }
            return Page(fetched: items, limit: query.page.limit)
        }
    }

    public func vaultSummary(creatorID: Int64) async throws -> VaultSummary {
        try await read { db in
            var counts = MediaCounts()
            for row in try await db.rows(VaultStatements.kindCounts(creatorID: creatorID), logger) {
                let (kind, count) = try row.decode((String, Int).self)
                counts.add(count, of: MediaKind(rawValue: kind))
            }
            let recent = try await db.rows("""
                SELECT \(unescaped: PostgresMediaRow.columns) FROM media WHERE creator_id = \(creatorID) ORDER BY id DESC LIMIT 3
                """, logger)
            return VaultSummary(counts: counts, recentMedia: try recent.map(PostgresMediaRow.decode))
        }
    }

    public func vaultLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<VaultList> {
        try await read { db in
            let folded = search.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let rows = try await db.rows("""
                SELECT \(unescaped: VaultStatements.listColumns) FROM vault_list
                WHERE creator_id = \(creatorID) AND (\(folded)::text IS NULL OR strpos(lower(name COLLATE "und-x-icu"), \(folded)::text) > 0)
                ORDER BY id DESC LIMIT \(page.limit + 1) OFFSET \(page.offset)
                """, logger)
            var lists: [VaultList] = []
            for row in rows { lists.append(try await vaultList(db, row)) }
            return Page(fetched: lists, limit: page.limit)
        }
    }

    public func vaultList(id: Int64, creatorID: Int64) async throws -> VaultList? {
        try await snapshot { db in try await vaultList(db, id: id, creatorID: creatorID) }
    }

    public func createVaultList(name: String, creatorID: Int64, at now: Date) async throws -> VaultList? {
        try await write { db in
            guard let id = try await db.value(Int64.self, VaultStatements.insertList(name: name, creatorID: creatorID, at: now), logger)
            else { return nil }
            return try await vaultList(db, id: id, creatorID: creatorID)
        }
    }

    public func renameVaultList(id: Int64, creatorID: Int64, to name: String) async throws -> VaultList? {
        try await write { db in
            // Another list of that name: no change (as SQLite's UPDATE OR IGNORE).
            let taken = try await db.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM vault_list WHERE creator_id = \(creatorID) AND name = \(name) AND id <> \(id))
                """, logger) ?? false
            guard !taken else { return nil }
            try await db.run("UPDATE vault_list SET name = \(name) WHERE id = \(id) AND creator_id = \(creatorID)", logger)
            let list = try await vaultList(db, id: id, creatorID: creatorID)
            return list?.name == name ? list : nil
        }
    }

    public func deleteVaultList(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in
            try await db.run(VaultStatements.deleteList(id: id, creatorID: creatorID), logger) > 0
        }
    }

    public func addMediaToVaultList(listID: Int64, mediaIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64? {
        try await write { db in
            var kinds: [Int64: MediaKind?] = [:]
            for row in try await db.rows(
                "SELECT id, kind FROM media WHERE id = ANY(\(mediaIDs)) AND creator_id = \(creatorID)", logger) {
                let (id, kind) = try row.decode((Int64, String).self)
                kinds[id] = MediaKind(rawValue: kind)
            }
            if let missing = mediaIDs.first(where: { kinds[$0] == nil }) { return missing }
            // Locked: concurrent adds to one list count each media once.
            try await db.run("SELECT 1 FROM vault_list WHERE id = \(listID) FOR UPDATE", logger)
            let added = try await db.values(Int64.self, """
                INSERT INTO vault_list_media (list_id, media_id, added_at)
                SELECT \(listID), id, \(now) FROM unnest(\(mediaIDs)::bigint[]) AS t(id)
                ON CONFLICT DO NOTHING RETURNING media_id
                """, logger)
            var counts = MediaCounts()
            for id in added { counts.add(1, of: kinds[id] ?? nil) }
            try await db.run(VaultStatements.addCounts(counts, listID: listID), logger)
            return nil
        }
    }

    func vaultList(_ db: PostgresConnection, id: Int64, creatorID: Int64) async throws -> VaultList? {
        guard let row = try await db.rows(VaultStatements.selectList(id: id, creatorID: creatorID), logger).first else { return nil }
        return try await vaultList(db, row)
    }

    /// A list row with its three most recently added media.
    func vaultList(_ db: PostgresConnection, _ row: PostgresRow) async throws -> VaultList {
        let (id, creatorID, name, createdAt, photos, videos, gifs, audios) =
            try row.decode((Int64, Int64, String, Date, Int, Int, Int, Int).self)
        let recent = try await db.rows("""
            SELECT \(unescaped: PostgresMediaRow.columns) FROM media
            JOIN vault_list_media l ON l.media_id = media.id
            WHERE l.list_id = \(id) ORDER BY l.added_at DESC, l.media_id DESC LIMIT 3
            """, logger)
        return VaultList(
            id: id, creatorID: creatorID, name: name, createdAt: createdAt,
            counts: MediaCounts(photos: photos, videos: videos, gifs: gifs, audios: audios),
            recentMedia: try recent.map(PostgresMediaRow.decode))
    }
}
