import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The auto-paging walks cross several pages, each the API's own way, and
/// agree with what the server lists in one go.
@Suite struct FanoutClientPagingTests {
    @Test func offsetWalksAgreeWithTheServer() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            var everyMessage: [Int] = []
            var offset = 0
            while true {
                let page = try await client.massMessagesPage(limit: 20, offset: offset)
                everyMessage += page.list.map(\.value1.id)
                offset += page.list.count
                if !page.hasMore { break }
            }
            let walked = try await client.massMessages(pageSize: 3).reduce(into: []) { $0.append($1.value1.id) }
            #expect(everyMessage.count > 6 && walked == everyMessage, "several pages of 3, the same list")

            let walkedPages = try await client.massMessages(pageSize: 3).pages.reduce(into: 0) { count, _ in count += 1 }
            #expect(walkedPages == (everyMessage.count + 2) / 3)

            let purchased = try await client.purchasedMassMessagesPage(limit: 100).items.map(\.id)
            #expect(try await client.purchasedMassMessages(pageSize: 2).reduce(into: []) { $0.append($1.id) } == purchased)

            let chats = try await client.chatsPage(limit: 20).list.map(\.withUser.id)
            #expect(try await client.chats(pageSize: 3).prefix(20).reduce(into: []) { $0.append($1.withUser.id) } == chats)
        }
    }

    @Test func prefixStopsFetching() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            let five = try await client.chats(pageSize: 2).prefix(5).reduce(into: 0) { count, _ in count += 1 }
            #expect(five == 5)
            let chatRequests = world.transport.exchanges.filter { $0.request.path?.hasPrefix("/v2/access/chats?") == true }
            #expect(chatRequests.count == 3, "pages of 2: three pages for five chats, no fourth")
        }
    }

    @Test func chatMessagesWalkByLastIDNeverByOffset() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            // A chat longer than one page of 10.
            var fan: Int?
            for try await chat in client.chats(pageSize: 20) {
                let page = try await client.chatMessagesPage(userID: chat.withUser.id, limit: 10)
                if page.hasMore { fan = chat.withUser.id; break }
            }
            let userID = try #require(fan)
            let walked = try await client.chatMessages(userID: userID, pageSize: 4).reduce(into: []) { $0.append($1.value1.id) }
            #expect(walked.count > 10)
            #expect(walked == walked.sorted(by: >) && Set(walked).count == walked.count, "newest first, each once")

            let walk = world.transport.exchanges.compactMap(\.request.path)
                .filter { $0.hasPrefix("/v2/access/chats/\(userID)/messages") && $0.contains("limit=4") }
            #expect(walk.count >= (walked.count + 3) / 4 && walk.count <= walked.count / 4 + 1, "pages of 4")
            #expect(walk.allSatisfy { !$0.contains("offset=") })
            #expect(!walk[0].contains("last_id=") && walk.dropFirst().allSatisfy { $0.contains("last_id=") })

            let oversized = try await client.chatMessages(userID: userID, pageSize: 50).prefix(1).reduce(into: 0) { count, _ in count += 1 }
            #expect(oversized == 1)
            #expect(world.transport.exchanges.last?.request.path?.contains("limit=10") == true, "never above the documented maximum")
        }
    }

    @Test func buyersWalkByMarker() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            var best: (id: Int, buyers: Int)?
            for item in try await client.purchasedMassMessagesPage(limit: 100).items {
                let all = try await client.buyersPage(massMessageID: item.id, limit: 20)
                if !all.hasMore, all.list.count > (best?.buyers ?? 0) { best = (item.id, all.list.count) }
            }
            let sold = try #require(best)
            try #require(sold.buyers > 2, "a mass message with several buyers")
            let everyone = try await client.buyersPage(massMessageID: sold.id, limit: 20).list.map(\.id)
            #expect(try await client.buyers(massMessageID: sold.id, pageSize: 2).reduce(into: []) { $0.append($1.id) } == everyone)
            let paths = world.transport.exchanges.compactMap(\.request.path).filter { $0.contains("/buyers") && ($0.hasSuffix("limit=2") || $0.contains("limit=2&")) }
            #expect(paths.count >= 2 && paths.dropFirst().allSatisfy { $0.contains("marker=") })
        }
    }
}
