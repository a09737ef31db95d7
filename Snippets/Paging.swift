// Walks lists the way each endpoint pages: by offset, by message id, by marker.
import FanoutClient

func paging(client: FanoutClient) async throws {
    // snippet.show
    // Every chat: pages of 20 fetched as the loop asks for them.
    for try await chat in client.chats(pageSize: 20) {
        print(chat.withUser.id)
    }

    // The first ten messages of one chat: one page of ten, nothing more fetched.
    let newest = try await client.chatMessages(userID: 42).prefix(10).reduce(into: []) { $0.append($1) }
    print(newest.map(\.text))

    // Whole pages, for showing them as they come.
    for try await page in client.chats(pageSize: 20).pages {
        print(page.items.count, page.hasMore)
    }

    // One page, and where the next one starts.
    let first = try await client.chatsPage(limit: 5)
    if case .offset(let next)? = first.next {
        _ = try await client.chatsPage(limit: 5, offset: next)
    }
    // snippet.hide
}
