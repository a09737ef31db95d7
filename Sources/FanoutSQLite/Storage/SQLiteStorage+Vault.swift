import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: VaultStore {
    /// A media's likes and earnings: over the messages that carry it, direct
    /// ones through `messageMedia`, a mass message's through
    /// `massMessageMedia` (a fan's copy of it is a `message` row once acted on).
    static let vaultCounters = """
        (SELECT COUNT(*) FROM message_media x JOIN message m ON m.id = x.message_id WHERE x.media_id = media.id AND m.is_liked)
          + (SELECT COUNT(*) FROM mass_message_media x JOIN message m ON m.mass_message_id = x.mass_message_id
             WHERE x.media_id = media.id AND m.is_liked) AS likes,
        (SELECT COALESCE(SUM(p.amount_cents), 0) FROM message_media x JOIN purchase p ON p.message_id = x.message_id WHERE x.media_id = media.id)
          + (SELECT COALESCE(SUM(p.amount_cents), 0) FROM mass_message_media x JOIN purchase p ON p.mass_message_id = x.mass_message_id
             WHERE x.media_id = media.id) AS earned
        """

    public func vaultMedia(creatorID: Int64, query: VaultMediaQuery) async throws -> Page<VaultMedia> {
        try await read { db in
            var conditions = ["media.creator_id = :creator"]
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "creator": creatorID, "limit": query.page.limit + 1, "offset": query.page.offset,
            ]
            if let kind = query.kind {
                conditions.append("media.kind = :kind")
                arguments["kind"] = kind.rawValue
            }
            if let listID = query.listID {
                conditions.append("EXISTS (SELECT 1 FROM vault_list_media l WHERE l.list_id = :list AND l.media_id = media.id)")
                arguments["list"] = listID
            }
            if let search = query.search, !search.isEmpty {
                conditions.append("instr(fanout_fold(COALESCE(media.filename, '')), :search) > 0")
                arguments["search"] = TextFold.fold(search)
            }
            let order = switch query.sort {
            case .recent: "media.id DESC"
            case .oldest: "media.id ASC"
            case .mostLiked: "likes DESC, media.id DESC"
            case .highestTips: "earned DESC, media.id DESC"
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(MediaRow.columns), \(Self.vaultCounters) FROM media
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT :limit OFFSET :offset
                """, arguments: StatementArguments(arguments))
            let lists = try Self.vaultListReferences(db, mediaIDs: rows.map { $0[0] })
            let items = rows.map { row in
                let media = MediaRow.decode(row)
                return VaultMedia(media: media, likesCount: row[18], earned: Money(cents: row[19]), lists: lists[media.id] ?? [])
            }
            return Page(fetched: items, limit: query.page.limit)
        }
    }

    /// The lists each media is in, oldest list first.
    private static func vaultListReferences(_ db: Database, mediaIDs: [Int64]) throws -> [Int64: [VaultListReference]] {
        guard !mediaIDs.isEmpty else { return [:] }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT l.media_id, v.id, v.name FROM vault_list_media l JOIN vault_list v ON v.id = l.list_id
            WHERE l.media_id IN (\(databaseQuestionMarks(count: mediaIDs.count))) ORDER BY v.id
            """, arguments: StatementArguments(mediaIDs))
        var result: [Int64: [VaultListReference]] = [:]
        while let row = try rows.next() { result[row[0], default: []].append(VaultListReference(id: row[1], name: row[2])) }
        return result
    }

    public func vaultSummary(creatorID: Int64) async throws -> VaultSummary {
        try await read { db in
            var counts = MediaCounts()
            for row in try db.run(VaultStatements.kindCounts(creatorID: creatorID)) {
                counts.add(row[1], of: MediaKind(rawValue: row[0]))
            }
            let recent = try Row.fetchAll(
                db, sql: "SELECT \(MediaRow.columns) FROM media WHERE creator_id = ? ORDER BY id DESC LIMIT 3", arguments: [creatorID])
            return VaultSummary(counts: counts, recentMedia: recent.map(MediaRow.decode))
        }
    }

    public func vaultLists(creatorID: Int64, page: PageRequest, search: String?) async throws -> Page<VaultList> {
        try await read { db in
            var sql = "SELECT \(VaultStatements.listColumns) FROM vault_list WHERE creator_id = ?"
            var arguments: StatementArguments = [creatorID]
            if let search, !search.isEmpty {
                sql += " AND instr(fanout_fold(name), ?) > 0"
                arguments += [TextFold.fold(search)]
            }
            sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
            arguments += [page.limit + 1, page.offset]
            let lists = try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.vaultList(db, $0) }
            return Page(fetched: lists, limit: page.limit)
        }
    }

    public func vaultList(id: Int64, creatorID: Int64) async throws -> VaultList? {
        try await read { db in try Self.vaultList(db, id: id, creatorID: creatorID) }
    }

    public func createVaultList(name: String, creatorID: Int64, at now: Date) async throws -> VaultList? {
        try await write { db in
            guard let id = try db.value(Int64.self, VaultStatements.insertList(name: name, creatorID: creatorID, at: now)) else { return nil }
            return try Self.vaultList(db, id: id, creatorID: creatorID)
        }
    }

    public func renameVaultList(id: Int64, creatorID: Int64, to name: String) async throws -> VaultList? {
        try await write { db in
            try db.execute(
                sql: "UPDATE OR IGNORE vault_list SET name = ? WHERE id = ? AND creator_id = ?", arguments: [name, id, creatorID])
            let list = try Self.vaultList(db, id: id, creatorID: creatorID)
            return list?.name == name ? list : nil
        }
    }

    public func deleteVaultList(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in try !db.run(VaultStatements.deleteList(id: id, creatorID: creatorID)).isEmpty }
    }

    public func addMediaToVaultList(listID: Int64, mediaIDs: [Int64], creatorID: Int64, at now: Date) async throws -> Int64? {
        try await write { db in
            let kinds = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT id, kind FROM media WHERE creator_id = ? AND id IN (\(databaseQuestionMarks(count: mediaIDs.count)))",
                arguments: [creatorID] + StatementArguments(mediaIDs)
            ).map { row -> (Int64, MediaKind?) in (row[0], MediaKind(rawValue: row[1])) })
            if let missing = mediaIDs.first(where: { kinds[$0] == nil }) { return missing }
            var added = MediaCounts()
            for id in mediaIDs {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO vault_list_media (list_id, media_id, added_at) VALUES (?, ?, ?)", arguments: [listID, id, now])
                if db.changesCount > 0 { added.add(1, of: kinds[id] ?? nil) }
            }
            try db.execute(VaultStatements.addCounts(added, listID: listID))
            return nil
        }
    }

    static func vaultList(_ db: Database, id: Int64, creatorID: Int64) throws -> VaultList? {
        guard let row = try db.run(VaultStatements.selectList(id: id, creatorID: creatorID)).first else { return nil }
        return try vaultList(db, row)
    }

    /// A list row with its three most recently added media.
    static func vaultList(_ db: Database, _ row: Row) throws -> VaultList {
        let id: Int64 = row[0]
        let recent = try Row.fetchAll(db, sql: """
            SELECT \(MediaRow.columns) FROM vault_list_media l JOIN media ON media.id = l.media_id
            WHERE l.list_id = ? ORDER BY l.added_at DESC, l.media_id DESC LIMIT 3
            """, arguments: [id])
        return VaultList(
            id: id, creatorID: row[1], name: row[2], createdAt: StoredDate.read(row, 3),
            counts: MediaCounts(photos: row[4], videos: row[5], gifs: row[6], audios: row[7]), recentMedia: recent.map(MediaRow.decode))
    }
}
