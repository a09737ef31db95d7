import FanoutCore
@testable import FanoutPostgres
import FanoutTestSupport
import Foundation
import Testing

/// The chat page names its senders from `UserNameCache` once the first page
/// of a chat has brought both names: the same page either way, and the
/// names are the users' own.
@Suite(.needsPostgreSQL)
struct UserNameCacheTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aCachedChatPageNamesBothSendersAsTheFirstDid() async throws {
        try await TestPostgres.withSmallDemo(prefix: "fanout_names", anchor: Self.anchor) { storage, _, creatorID in

            // A chat whose newest 20 messages come from both sides.
            var found: (fanID: Int64, first: [ChatMessage])?
            for chat in try await storage.chats(creatorID: creatorID, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0))).items {
                let messages = try await Self.page(storage, creatorID: creatorID, fanID: chat.fanID)
                if Set(messages.map(\.fromUserID)) == [creatorID, chat.fanID] {
                    found = (chat.fanID, messages)
                    break
                }
            }
            let (fanID, first) = try #require(found, "the demo has a chat with messages from both sides")
            #expect(storage.names.names(creatorID, fanID) != nil, "the first page brought both names")

            let again = try await Self.page(storage, creatorID: creatorID, fanID: fanID)
            #expect(again.map(\.id) == first.map(\.id))
            #expect(again.map(\.fromUserName) == first.map(\.fromUserName))
            let profiles = Dictionary(uniqueKeysWithValues: try await storage.users(ids: [creatorID, fanID]).map { ($0.id, $0.name) })
            for message in again {
                #expect(message.fromUserName == profiles[message.fromUserID], "message \(message.id)")
            }
        }
    }

    /// `PATCH /v2/access/self` renames the creator: this instance's next
    /// chat page shows the new name, and another's within the cache's ttl.
    @Test func aRenamedCreatorIsNamedAnewOnTheNextPage() async throws {
        try await TestPostgres.withSmallDemo(prefix: "fanout_rename", anchor: Self.anchor) { storage, _, creatorID in
            var fanID: Int64?
            for chat in try await storage.chats(creatorID: creatorID, query: ChatListQuery(page: PageRequest(limit: 20, offset: 0))).items
            where try await Self.page(storage, creatorID: creatorID, fanID: chat.fanID).contains(where: { $0.fromUserID == creatorID }) {
                fanID = chat.fanID
                break
            }
            let fan = try #require(fanID)
            #expect(storage.names.names(creatorID, fan) != nil)
            _ = try await storage.updateCreatorProfile(creatorID: creatorID, name: "Renamed Creator", about: nil)
            let page = try await Self.page(storage, creatorID: creatorID, fanID: fan)
            #expect(page.filter { $0.fromUserID == creatorID }.allSatisfy { $0.fromUserName == "Renamed Creator" })
        }
    }

    @Test func aNameOlderThanTheTTLIsReadAgain() {
        let fresh = UserNameCache(capacity: 10, ttl: .seconds(60))
        let stale = UserNameCache(capacity: 10, ttl: .zero)
        for cache in [fresh, stale] { cache.insert([(1, "One"), (2, "Two")]) }
        #expect(fresh.names(1, 2)! == ("One", "Two"))
        #expect(stale.names(1, 2) == nil)
        fresh.forget(2)
        #expect(fresh.names(1, 2) == nil)
    }

    @Test func aFullCacheIsEmptiedBeforeMoreNames() {
        let cache = UserNameCache(capacity: 3)
        cache.insert([(1, "One"), (2, "Two")])
        #expect(cache.names(1, 2)! == ("One", "Two"))
        cache.insert([(3, "Three"), (4, "Four")])
        #expect(cache.count == 2)
        #expect(cache.names(1, 2) == nil)
        #expect(cache.names(3, 4)! == ("Three", "Four"))
    }

    static func page(_ storage: PostgresStorage, creatorID: Int64, fanID: Int64) async throws -> [ChatMessage] {
        guard case .page(let page) = try await storage.messages(
            creatorID: creatorID, query: ChatMessageQuery(fanID: fanID, page: PageRequest(limit: 20, offset: 0)))
        else { return [] }
        return page.items
    }
}
