import FanoutCore
import Foundation
import PostgresNIO

/// A chat message as its row stores it, as the chat page and the chats list
/// read it without joining `mass_message`: a message's own columns, or a
/// delivery's (its message id, sender and mass message; the rest nil).
/// `complete` adds what a delivery, or a mass message's copy, takes from its
/// mass message (from `MassMessageFactsCache`, or read), and the attachments.
struct PostgresStoredMessage {
    var id: Int64, creatorID: Int64, fanID: Int64, fromUserID: Int64
    var priceCents: Int64?, isLockedText: Bool?, isTip: Bool, massMessageID: Int64?
    var createdAt: Date?, changedAt: Date?, openedAt: Date?, purchasedAt: Date?, isLiked: Bool, isPinned: Bool
    var text: String?, media: [Int64]?, isDelivery: Bool
    /// nil where the statement left it to `complete`'s `names`.
    var senderName: String?

    /// Each row's message (nil where there is none), with its mass
    /// message's facts: cached at `changes`, the creator's count the rows
    /// were read with, or read now. Read now at another count (a change
    /// committed between the two statements), they may not be what the
    /// rows' snapshot held (a recalled mass message's state beside a
    /// delivery the recall removed): that throws `MassMessagesChanged`,
    /// unless `acceptingChanges` (see `retryingWhileChanged`).
    static func complete(
        _ rows: [PostgresStoredMessage?], changes: Int64, names: (Int64) -> String?, acceptingChanges: Bool = false,
        on db: PostgresConnection, facts cache: MassMessageFactsCache, media: MediaCache, logger: Logger
    ) async throws -> [ChatMessage?] {
        var facts: [Int64: MassMessageFacts] = [:]
        if let creatorID = rows.lazy.compactMap({ $0?.creatorID }).first {
            let (found, readAt) = try await Self.facts(
                db, ids: rows.compactMap { $0?.massMessageID }, creatorID: creatorID, changes: changes, cache: cache, logger: logger)
            guard readAt == changes || acceptingChanges else { throw MassMessagesChanged() }
            facts = found
        }
        var messages: [ChatMessage?] = []
        var packed: [[Int64]] = []
        messages.reserveCapacity(rows.count)
        packed.reserveCapacity(rows.count)
        for row in rows {
            let completed = try row.map { try $0.completed(facts: facts, names: names) }
            messages.append(completed?.message)
            packed.append(completed?.media ?? [])
        }
        let attachments = try await PostgresAttachmentLoader.resolve(packed, on: db, cache: media, logger: logger)
        for index in messages.indices { messages[index]?.attachments = attachments[index] }
        return messages
    }

    /// The facts of the creator's mass messages `ids`, and the count they
    /// are right at: cached at `changes`, or read now (and cached at the
    /// count read with them).
    private static func facts(
        _ db: PostgresConnection, ids: [Int64], creatorID: Int64, changes: Int64, cache: MassMessageFactsCache, logger: Logger
    ) async throws -> ([Int64: MassMessageFacts], changes: Int64) {
        guard !ids.isEmpty else { return ([:], changes) }
        var (found, missing) = cache.lookup(ids, changes: changes)
        guard !missing.isEmpty else { return (found, changes) }
        let rows = try await db.rows(MassMessageFactsCache.Read.self, logger) { $0.append(creatorID); $0.append(missing) }
        var read: [Int64: MassMessageFacts] = [:]
        var records = try PostgresPackedRows.records(rows)
        for index in records.indices {
            let id = try records[index].int64(0)
            read[id] = MassMessageFacts(
                text: try records[index].text(1), priceCents: try records[index].int64(2), isLockedText: try records[index].bool(3),
                state: try records[index].text(4), createdAt: try records[index].date(5), sentAt: try records[index].optionalDate(6),
                media: try records[index].int64Array(7))
        }
        var readAt = changes
        if let row = rows.first {
            var cells = PostgresColumns(row)
            readAt = try cells.optionalInt64(1) ?? 0
            cache.insert(read, changes: readAt)
        }
        found.merge(read) { _, new in new }
        return (found, readAt)
    }

    /// `page` (a statement, then `complete`) again while its mass messages
    /// changed between the two, up to three times: the last accepts the
    /// facts it read (a creator whose mass messages change this often gets
    /// a page a moment newer in those facts than in its rows).
    static func retryingWhileChanged<T>(_ page: (_ acceptingChanges: Bool) async throws -> T) async throws -> T {
        for _ in 1..<3 {
            do { return try await page(false) } catch is MassMessagesChanged { continue }
        }
        return try await page(true)
    }

    /// A delivery is its mass message, dated when that started sending (the
    /// demo's half-sent one has no such date: when it was created), and is
    /// unopened, unbought, unliked and unpinned (acting on it makes it a
    /// message); a copy has its mass message's text when it has none of its
    /// own, and its mass message's attachments.
    private func completed(facts: [Int64: MassMessageFacts], names: (Int64) -> String?) throws -> (message: ChatMessage, media: [Int64]) {
        let mass = try massMessageID.map { massMessageID in
            guard let facts = facts[massMessageID] else {
                throw PostgresPackedRowsError(reason: "no mass message \(massMessageID) for message \(id)")
            }
            return facts
        }
        guard let fromUserName = senderName ?? names(fromUserID) else {
            throw PostgresPackedRowsError(reason: "no name for sender \(fromUserID) of message \(id)")
        }
        let price: Int64, isLockedText: Bool, createdAt: Date, changedAt: Date, text: String, media: [Int64]
        if isDelivery, let mass {
            (price, isLockedText, text, media) = (mass.priceCents, mass.isLockedText, mass.text, mass.media)
            // Its own date when its batch was written late (`DeliveryDate`).
            createdAt = self.createdAt ?? mass.sentAt ?? mass.createdAt
            changedAt = createdAt
        } else if let storedPrice = priceCents, let storedLocked = self.isLockedText, let storedCreated = self.createdAt,
                  let storedChanged = self.changedAt, let storedMedia = mass?.media ?? self.media {
            (price, isLockedText, createdAt, changedAt, media) = (storedPrice, storedLocked, storedCreated, storedChanged, storedMedia)
            text = self.text ?? mass?.text ?? ""
        } else {
            throw PostgresPackedRowsError(reason: "message \(id) lacks its price, dates or attachments")
        }
        return (ChatMessage(
            id: id, creatorID: creatorID, fanID: fanID, fromUserID: fromUserID, fromUserName: fromUserName, text: text,
            price: Money(cents: price), isLockedText: isLockedText, isTip: isTip, massMessageID: massMessageID,
            createdAt: createdAt, changedAt: changedAt, openedAt: openedAt, purchasedAt: purchasedAt, isLiked: isLiked,
            isPinned: isPinned, attachments: [], queueState: mass.flatMap { MassMessageState(rawValue: $0.state) },
            queueSentAt: mass?.sentAt), media)
    }
}

/// A page's mass messages changed between its statement and the read of
/// their facts (`PostgresStoredMessage.complete`).
struct MassMessagesChanged: Error {}
