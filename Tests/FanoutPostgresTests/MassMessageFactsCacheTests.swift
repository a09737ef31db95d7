import FanoutCore
@testable import FanoutPostgres
import FanoutTestSupport
import Foundation
import PostgresNIO
import Testing

/// The chat page completes its deliveries and mass-message copies from
/// `MassMessageFactsCache`, trusted only while the creator's change count
/// has not moved: a change made through another instance (another storage,
/// with its own cache, on the same database) shows on the next page, and
/// in the chats list.
@Suite(.needsPostgreSQL)
struct MassMessageFactsCacheTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    /// What a fan sees of a mass message as it goes out and is recalled,
    /// read on one instance while another sends, sells and recalls it.
    @Test func anotherInstancesFanOutSaleAndRecallShowOnTheNextPage() async throws {
        let server = try PostgresURL(try #require(TestPostgres.url))
        try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_facts", logger: TestPostgres.logger) { database in
            let reader = PostgresStorage(database: database), writer = PostgresStorage(database: database)
            let now = Self.anchor
            try await writer.importDemo(DemoDataset.audience(creatorID: 1, fans: 6, firstFanID: 100, since: now.addingTimeInterval(-86_400)))
            let created = try await writer.createMassMessage(MassMessageDraft(text: "to everyone", price: Money(cents: 500)), creatorID: 1, at: now)
            #expect(try await FanOutWorker(store: writer, clock: ManualClock(now), batchSize: 1).deliverBatch() > 0)
            let reached = try await reader.clients.withConnection { db in
                try await db.value(Int64.self, "SELECT fan_id FROM mass_delivery WHERE mass_message_id = \(created.id) LIMIT 1", reader.logger)
            }
            let fanID = try #require(reached, "the first batch delivered")
            let newest = { try #require(try await Self.page(reader, creatorID: 1, fanID: fanID).first) }
            // The chats list, read first each time, shows the same newest message.
            let listed = {
                try await reader.chats(creatorID: 1, query: ChatListQuery(page: PageRequest(limit: 10, offset: 0))).items
                    .first { $0.fanID == fanID }?.lastMessage
            }

            let listedQueued = try await listed()
            let queued = try await newest()
            #expect(listedQueued == queued)
            #expect(queued.massMessageID == created.id && queued.queueState == .queued && queued.text == "to everyone")

            try await FanOutWorker(store: writer, clock: ManualClock(now), batchSize: 100).drain()
            let listedSent = try await listed()
            let sent = try await newest()
            #expect(listedSent == sent)
            #expect(sent.id == queued.id && sent.queueState == .sent)
            #expect(reader.massMessageFacts.count == 1, "the pages kept the mass message's facts")
            #expect(try await newest() == sent, "and the next one read them from there")

            // Any writer's change counts, even one Fanout never makes.
            _ = try await writer.clients.withConnection { db in
                try await db.run("UPDATE mass_message SET text = 'Edited elsewhere', price_cents = 1234 WHERE id = \(created.id)", writer.logger)
            }
            let listedEdited = try await listed()
            let edited = try await newest()
            #expect(listedEdited == edited)
            #expect(edited.text == "Edited elsewhere" && edited.price == Money(cents: 1234) && edited.createdAt == sent.createdAt)

            #expect(try await writer.fanBuysMessage(id: sent.id, creatorID: 1, fanID: fanID, at: now.addingTimeInterval(2)))
            let listedBought = try await listed()
            let bought = try await newest()
            #expect(listedBought == bought)
            #expect(bought.id == sent.id && bought.purchasedAt != nil && bought.queueState == .sent && bought.text == "Edited elsewhere")

            // A bought copy stays in the chat when its mass message is recalled.
            #expect(try await writer.recallMassMessage(
                id: created.id, creatorID: 1, ifIn: [.sent], sentNotBefore: nil, at: now.addingTimeInterval(3)) != nil)
            let listedRecalled = try await listed()
            let recalled = try await newest()
            #expect(listedRecalled == recalled)
            #expect(recalled.id == sent.id && recalled.queueState == .canceled)
        }
    }

    /// Facts read at another count than the rows' (a change committed
    /// between the two statements) are not silently mixed with them: the
    /// page is read again, and only the last try takes them as they are.
    @Test func factsReadAtAnotherCountThanTheRowsAreRefused() async throws {
        let server = try PostgresURL(try #require(TestPostgres.url))
        try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_facts", logger: TestPostgres.logger) { database in
            let storage = PostgresStorage(database: database)
            let now = Self.anchor
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 2, firstFanID: 100, since: now.addingTimeInterval(-86_400)))
            let created = try await storage.createMassMessage(MassMessageDraft(text: "to everyone"), creatorID: 1, at: now)
            try await FanOutWorker(store: storage, clock: ManualClock(now), batchSize: 10).drain()
            try await storage.clients.withConnection { db in
                let (fanID, messageID) = try #require(try await db.rows(
                    "SELECT fan_id, message_id FROM mass_delivery WHERE mass_message_id = \(created.id) LIMIT 1", storage.logger
                ).first?.decode((Int64, Int64).self))
                let changes = try #require(try await db.value(Int64.self, "SELECT changes FROM mass_message_changes WHERE creator_id = 1", storage.logger))
                let delivery = PostgresStoredMessage(
                    id: messageID, creatorID: 1, fanID: fanID, fromUserID: 1, priceCents: nil, isLockedText: nil, isTip: false,
                    massMessageID: created.id, createdAt: nil, changedAt: nil, openedAt: nil, purchasedAt: nil, isLiked: false,
                    isPinned: false, text: nil, media: nil, isDelivery: true, senderName: "Creator")
                let complete = { (changes: Int64, accepting: Bool) in
                    try await PostgresStoredMessage.complete(
                        [delivery], changes: changes, names: { _ in nil }, acceptingChanges: accepting, on: db,
                        facts: storage.massMessageFacts, media: storage.media, logger: storage.logger)
                }
                await #expect(throws: MassMessagesChanged.self) { try await complete(changes - 1, false) }
                #expect(try await complete(changes, false).first??.text == "to everyone", "read at the rows' count")
                #expect(try await complete(changes - 1, true).first??.text == "to everyone", "the last try takes them")

                var tries = 0
                let page = try await PostgresStoredMessage.retryingWhileChanged { accepting in
                    tries += 1
                    return try await complete(changes - 1, accepting)
                }
                #expect(tries == 3 && page.first??.queueState == .sent)
            }
        }
    }

    @Test func theFanOutsCountersLeaveTheCountAlone() async throws {
        try await TestPostgres.withSmallDemo(prefix: "fanout_facts", anchor: Self.anchor) { storage, _, creatorID in
            let count = { try await storage.clients.withConnection { db in
                try await db.value(Int64.self, "SELECT changes FROM mass_message_changes WHERE creator_id = \(creatorID)", storage.logger) ?? 0
            } }
            let before = try await count()
            _ = try await storage.clients.withConnection { db in
                try await db.run("""
                    UPDATE mass_message SET sent_count = sent_count + 1, pending = pending, changed_at = now(), viewed_count = viewed_count + 1,
                        purchased_count = purchased_count + 1, total = total
                    WHERE creator_id = \(creatorID)
                    """, storage.logger)
            }
            #expect(try await count() == before)
            _ = try await storage.clients.withConnection { db in
                try await db.run("UPDATE mass_message SET sent_at = sent_at WHERE creator_id = \(creatorID)", storage.logger)
            }
            #expect(try await count() > before)
        }
    }

    @Test func anEntryReadAtAnotherCountIsMissing() {
        let cache = MassMessageFactsCache(capacity: 2)
        let facts = MassMessageFacts(
            text: "Hi", priceCents: 500, isLockedText: false, state: "sent", createdAt: Self.anchor, sentAt: Self.anchor, media: [])
        cache.insert([1: facts], changes: 7)
        #expect(cache.lookup([1, 2, 1], changes: 7).found == [1: facts])
        #expect(cache.lookup([1, 2, 1], changes: 7).missing == [2])
        #expect(cache.lookup([1], changes: 8).missing == [1])
        cache.insert([2: facts, 3: facts], changes: 8)
        #expect(cache.count == 2, "full: emptied before the new entries")
        #expect(cache.lookup([1], changes: 7).missing == [1])
    }

    static func page(_ storage: PostgresStorage, creatorID: Int64, fanID: Int64, startingAt: Int64? = nil) async throws -> [ChatMessage] {
        guard case .page(let page) = try await storage.messages(
            creatorID: creatorID, query: ChatMessageQuery(fanID: fanID, page: PageRequest(limit: 10, offset: 0), startingAt: startingAt))
        else { return [] }
        return page.items
    }
}
