import FanoutCore
import Foundation

/// What a chat page shows of a mass message: its copies' and deliveries'
/// text, price, dates, attachments, and the queue state that decides
/// whether it can still be unsent.
struct MassMessageFacts: Sendable, Equatable {
    var text: String
    var priceCents: Int64
    var isLockedText: Bool
    var state: String
    var createdAt: Date
    var sentAt: Date?
    /// Packed attachments (`PostgresAttachmentLoader`).
    var media: [Int64]
}

/// Mass messages' `MassMessageFacts` by id, each with the count of its
/// creator's mass-message changes it was read at (`mass_message_changes`,
/// kept by a trigger whoever writes). The chat page reads that count in its
/// own statement and uses a cached entry only when it was read at the same
/// count: no change to any of the creator's mass messages has committed
/// since, on any instance, so the entry is what a join would have read. A
/// page thus joins no `mass_message` (without the join, the chat page's
/// statement ran ~40% more often a second in pgbench); one that lacks an
/// entry, or finds the count moved, reads those mass messages in one more
/// statement (`PostgresStoredMessage.complete`).
final class MassMessageFactsCache: Sendable {
    private let entries: BoundedCache<Int64, Entry>

    /// Facts and the count they were read at.
    struct Entry: Sendable {
        var changes: Int64
        var facts: MassMessageFacts
    }

    init(capacity: Int = 10_000) { entries = BoundedCache(capacity: capacity) }

    /// The entries among `ids` read at `changes`, and the ids without one.
    func lookup(_ ids: some Sequence<Int64>, changes: Int64) -> (found: [Int64: MassMessageFacts], missing: [Int64]) {
        entries.withEntries { entries in
            var found: [Int64: MassMessageFacts] = [:]
            var missing: [Int64] = []
            for id in ids where found[id] == nil {
                if let entry = entries.value(for: id), entry.changes == changes { found[id] = entry.facts } else if !missing.contains(id) { missing.append(id) }
            }
            return (found, missing)
        }
    }

    /// `facts`, read when the creator's count was `changes`.
    func insert(_ facts: [Int64: MassMessageFacts], changes: Int64) {
        entries.withEntries { entries in
            for (id, item) in facts { entries.insert(Entry(changes: changes, facts: item), for: id) }
        }
    }

    /// How many entries it holds (tests).
    var count: Int { entries.count }
}

extension MassMessageFactsCache {
    /// $1 creator, $2 ids: those of the creator's mass messages, packed
    /// (`PostgresPackedRows`) as `MassMessageFacts`' fields after the id,
    /// and the creator's change count, read in one snapshot.
    enum Read: PreparedShape {
        static let name = "fanout.massMessageFacts"
        static let sql = """
            SELECT array_agg(ROW(id, text, price_cents, is_locked_text, state, created_at, sent_at, media)),
                   (SELECT changes FROM mass_message_changes WHERE creator_id = $1)
            FROM mass_message
            WHERE creator_id = $1 AND id = ANY($2::bigint[])
            """
    }
}
