import FanoutCopy
import FanoutCore
import FanoutPostgres
import FanoutSQLite
import FanoutTestSupport
import Foundation
import Logging
import Testing

/// `fanout copy`: a demo database with a fan-out half done, copied into
/// PostgreSQL, reads the same there, and the fan-out finishes there.
@Suite(.needsPostgreSQL)
struct DatabaseCopyTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aCopyReadsTheSameAndGoesOnFromWhereSQLiteStopped() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try AppDatabase(path: directory.appendingPathComponent("source.sqlite").path)
        let sqlite = SQLiteStorage(database: source)
        var builder = DemoDatasetBuilder(seed: 7, anchor: Self.anchor, size: .small)
        let credentials = try await OperatorService(storage: sqlite).seedDemo(builder.build())
        let creatorID = credentials.organizations[0].connections[0].creatorID
        // A mass message of our own, delivered in part (delivery rows and a cursor to go on from).
        let sending = try await sqlite.createMassMessage(MassMessageDraft(text: "Half way"), creatorID: creatorID, at: Self.anchor)
        let worker = FanOutWorker(store: sqlite, clock: ManualClock(Self.anchor), batchSize: 5)
        _ = try await worker.deliverBatch()
        // Idempotency-Keys: one answered, one still running (no answer columns).
        let connectionID = credentials.organizations[0].connections[0].id
        let print = IdempotencyKey.fingerprint(method: "POST", target: "/v2/access/users/lists", body: Array("{}".utf8))
        let answer = StoredResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(#"{"id":7}"#.utf8))
        guard case .proceed(let answered) = try await sqlite.beginIdempotentRequest(
            connectionID: connectionID, key: IdempotencyKey("answered")!, fingerprint: print, at: Self.anchor) else { throw CancellationError() }
        try await sqlite.finishIdempotentRequest(answered, response: answer)
        _ = try await sqlite.beginIdempotentRequest(connectionID: connectionID, key: IdempotencyKey("running")!, fingerprint: print, at: Self.anchor)

        let server = try PostgresURL(try StorageBackend.testClusterURL())
        try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_copy", logger: Logger(label: "fanout.tests")) { target in
            let report = try await DatabaseCopy(from: source, to: target, chunk: 700).run()
            #expect(report.rows["message"]! > 700 && report.rows["mass_delivery"]! >= 5, "several chunks, deliveries included")
            let postgres = PostgresStorage(database: target)
            var analyzed = 0
            for try await count in try await target.clients.query(
                "SELECT count(*)::int FROM pg_stat_user_tables WHERE relname IN ('message', 'chat', 'mass_delivery') AND last_analyze IS NOT NULL",
                logger: Logger(label: "fanout.tests")).decode(Int.self) { analyzed = count }
            #expect(analyzed == 3, "the copy leaves the planner statistics")

            for creator in credentials.organizations.flatMap(\.connections).map(\.creatorID) {
                let page = PageRequest(limit: 20, offset: 0)
                let chats = try await sqlite.chats(creatorID: creator, query: ChatListQuery(page: page))
                let copiedChats = try await postgres.chats(creatorID: creator, query: ChatListQuery(page: page))
                #expect(copiedChats.items.map(\.atMilliseconds) == chats.items.map(\.atMilliseconds) && copiedChats.hasMore == chats.hasMore, "creator \(creator)'s chats list")
                let sent = try await sqlite.massMessages(creatorID: creator, type: nil, page: page)
                #expect(try await postgres.massMessages(creatorID: creator, type: nil, page: page).items.map(\.atMilliseconds) == sent.items.map(\.atMilliseconds))
                for chat in chats.items.prefix(5) {
                    let query = ChatMessageQuery(fanID: chat.fanID, page: PageRequest(limit: 10, offset: 0))
                    let messages = try await sqlite.messages(creatorID: creator, query: query).items
                    let copied = try await postgres.messages(creatorID: creator, query: query).items
                    #expect(copied.map(\.atMilliseconds) == messages.map(\.atMilliseconds), "chat with \(chat.fanID)")
                }
            }
            let purchased = try await sqlite.purchasedMassMessages(creatorID: creatorID, page: PageRequest(limit: 20, offset: 0))
            #expect(try await postgres.purchasedMassMessages(creatorID: creatorID, page: PageRequest(limit: 20, offset: 0)).items.map(\.atMilliseconds) == purchased.items.map(\.atMilliseconds))
            let replay = try await postgres.beginIdempotentRequest(
                connectionID: connectionID, key: IdempotencyKey("answered")!, fingerprint: print, at: Self.anchor)
            #expect(replay == .replay(answer), "a copied key replays its answer")
            let running = try await postgres.beginIdempotentRequest(
                connectionID: connectionID, key: IdempotencyKey("running")!, fingerprint: print, at: Self.anchor)
            #expect(running == .inProgress)
            // organization(apiKey:) throws for an unknown key; the copy's answer is the source's.
            let apiKey = credentials.organizations[0].apiKey
            let organization = try await AccessService(store: sqlite).organization(apiKey: apiKey)
            #expect(try await AccessService(store: postgres).organization(apiKey: apiKey) == organization, "keys work on the copy")

            // The half-done fan-out finishes on PostgreSQL; new ids come after every copied one.
            try await FanOutWorker(store: postgres, clock: ManualClock(Self.anchor), batchSize: 50).drain()
            let done = try #require(try await postgres.massMessage(id: sending.id, creatorID: creatorID))
            #expect(done.state == .sent && done.sentCount == sending.total && done.pending == 0)
            let direct = try await postgres.sendDirectMessage(
                MessageContent(text: "After the move"), creatorID: creatorID, fanID: try #require(try await postgres.activeFanIDs(creatorID: creatorID, limit: 1).first),
                at: Self.anchor)
            let newest = try await postgres.chats(creatorID: creatorID, query: ChatListQuery(page: PageRequest(limit: 1, offset: 0)))
            #expect(newest.items.first?.lastMessage?.id == direct.id, "a new message's id is above every copied and delivered one")

            await #expect(throws: CopyError.self, "a non-empty target is refused") {
                _ = try await DatabaseCopy(from: source, to: target).run()
            }
        }
    }
}

extension ChatMessagesLookup {
    /// The page's messages; none when there is no page.
    var items: [ChatMessage] {
        if case .page(let page) = self { page.items } else { [] }
    }
}

/// Dates to the millisecond: what both backends keep (SQLite's text has
/// milliseconds, PostgreSQL microseconds) and what the API shows.
private func milliseconds(_ date: Date) -> Date { Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }

extension FanoutCore.Attachment {
    var atMilliseconds: FanoutCore.Attachment { var copy = self; copy.media.createdAt = milliseconds(media.createdAt); return copy }
}

extension ChatMessage {
    var atMilliseconds: ChatMessage {
        var copy = self
        copy.createdAt = milliseconds(createdAt)
        copy.changedAt = milliseconds(changedAt)
        copy.openedAt = openedAt.map(milliseconds)
        copy.purchasedAt = purchasedAt.map(milliseconds)
        copy.queueSentAt = queueSentAt.map(milliseconds)
        copy.attachments = attachments.map(\.atMilliseconds)
        return copy
    }
}

extension ChatSummary {
    var atMilliseconds: ChatSummary { var copy = self; copy.lastMessage = lastMessage?.atMilliseconds; return copy }
}

extension MassMessage {
    var atMilliseconds: MassMessage {
        var copy = self
        copy.createdAt = milliseconds(createdAt)
        copy.changedAt = milliseconds(changedAt)
        copy.scheduledAt = scheduledAt.map(milliseconds)
        copy.sentAt = sentAt.map(milliseconds)
        copy.canceledAt = canceledAt.map(milliseconds)
        copy.attachments = attachments.map(\.atMilliseconds)
        return copy
    }
}
