import FanoutAPI
import FanoutCore
import Foundation
import FanoutTestSupport
import Testing
@testable import FanoutServer

/// The hot read pages are written by `JSONWriter`, not by the generated
/// Codable types. Their output must be the same JSON (keys, values, nulls,
/// numbers vs booleans) as the generated types encode for the same data:
/// checked over every page of the demo world.
@Suite struct FastWireTests {
    static func reference(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try JSONValue.parse(encoder.encode(value))
    }

    @Test(arguments: StorageBackend.available) func chatPagesMatchTheGeneratedTypes(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            let mapper = WireMapper(clock: world.clock, policy: world.dependencies.policy)
            let storage = world.dependencies.storage
            world.clock.set(TestWorld.anchor.addingTimeInterval(-3_000))  // inside some unsend and cancel windows
            var pages = 0
            for caller in [world.owner, world.secondCreator] {
                var offset = 0
                while true {
                    let query = ChatListQuery(page: PageRequest(limit: 20, offset: offset))
                    let chats = try await storage.chats(creatorID: caller.creatorID, query: query)
                    let nextOffset = chats.hasMore ? offset + chats.items.count : nil
                    #expect(try JSONValue.parse(mapper.chatListBody(chats, nextOffset: nextOffset)) == Self.reference(
                        Components.Schemas.ChatList(list: chats.items.map(mapper.chat), hasMore: chats.hasMore, nextOffset: nextOffset)))
                    for chat in chats.items {
                        let query = ChatMessageQuery(fanID: chat.fanID, page: PageRequest(limit: 10, offset: 0))
                        guard case .page(let page) = try await storage.messages(creatorID: caller.creatorID, query: query) else {
                            Issue.record("a listed chat has messages")
                            continue
                        }
                        let users = pages % 3 == 0 ? try await storage.users(ids: [caller.creatorID, chat.fanID]) : nil
                        let expected = try Self.reference(MessageListBody(list: .init(
                            list: page.items.map(mapper.message), hasMore: page.hasMore,
                            nextLastId: page.hasMore ? page.items.last.map { Int($0.id) } : nil, users: users?.map(mapper.user))))
                        #expect(try JSONValue.parse(mapper.messageListBody(page, users: users)) == expected)
                        pages += 1
                    }
                    guard chats.hasMore else { break }
                    offset += chats.items.count
                }
            }
            #expect(pages > 50)
        }
    }

    @Test(arguments: StorageBackend.available) func massMessagePagesMatchTheGeneratedTypes(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            let mapper = WireMapper(clock: world.clock, policy: world.dependencies.policy)
            let storage = world.dependencies.storage
            let creator = world.owner.creatorID
            var items = 0
            for type in [nil] + MassMessageListType.allCases {
                var offset = 0
                while true {
                    let page = try await storage.massMessages(creatorID: creator, type: type, page: PageRequest(limit: 20, offset: offset))
                    #expect(try JSONValue.parse(mapper.queueItemListBody(page, creatorName: "Luna \"Vale\"")) == Self.reference(
                        Components.Schemas.QueueItemList(list: page.items.map { mapper.queueItem($0, creatorName: "Luna \"Vale\"") }, hasMore: page.hasMore)))
                    for message in page.items {
                        #expect(try JSONValue.parse(mapper.queueItemBody(message, creatorName: "Luna")) == Self.reference(mapper.queueItem(message, creatorName: "Luna")))
                        items += 1
                    }
                    guard page.hasMore else { break }
                    offset += page.items.count
                }
            }
            var offset = 0
            while true {
                let page = try await storage.purchasedMassMessages(creatorID: creator, page: PageRequest(limit: 7, offset: offset))
                #expect(try JSONValue.parse(mapper.purchasedItemListBody(page)) == Self.reference(
                    Components.Schemas.PurchasedItemList(hasMore: page.hasMore, items: page.items.map(mapper.purchasedItem))))
                items += page.items.count
                guard page.hasMore else { break }
                offset += page.items.count
            }
            #expect(items > 20)
        }
    }

    @Test(arguments: [
        "", "plain", "quote \" and backslash \\", "slash / stays", "line\nbreak\ttab\r\u{08}\u{0C}", "\u{01}\u{1F}\u{7F}",
        "Crème brûlée 🍮 — ünïcödé", "\u{2028}\u{2029}", "\u{0}nul",
    ])
    func stringsAreEscapedAsJSONEncoderDoes(text: String) throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(text)
        writer.endArray()
        #expect(try JSONValue.parse(writer.bytes) == Self.reference([text]))
        #expect(try JSONDecoder().decode([String].self, from: Data(writer.bytes)) == [text])
    }

    @Test(arguments: [0.0, 1, 17, 9.99, 19.99, 0.01, 199.99, 310, 12.5, -3, 1e20, 0.1 + 0.2])
    func doublesAreWrittenAsJSONEncoderDoes(value: Double) throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.double(value)
        writer.endArray()
        #expect(try JSONValue.parse(writer.bytes) == Self.reference([value]))
    }

    @Test(arguments: [0, 7, -7, 10, 1_999_999, Int(Int64.max), Int(Int64.min)])
    func integersAreWrittenAsJSONEncoderDoes(value: Int) throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(value)
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try JSONEncoder().encode([value]), as: UTF8.self))
    }

    /// The one formatter the API used before, kept here as the reference.
    static func foundationTimestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
            .replacingOccurrences(of: "Z", with: "+00:00")
    }

    @Test func timestampsMatchFoundationsISO8601() {
        var generator = SeededGenerator(seed: 42)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 4_102_444_799.999),
                     Date(timeIntervalSince1970: 1_790_000_000.999), Date(timeIntervalSince1970: -1.5)]
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator).rounded(.down) / 1
                + Double(Int.random(in: 0..<1000, using: &generator)) / 1000))
        }
        for date in dates {
            #expect(Timestamp.string(date) == Self.foundationTimestamp(date), "\(date.timeIntervalSince1970)")
        }
    }
}
