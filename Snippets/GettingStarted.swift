// Lists the newest chats of a connection, reads one chat, answers it, uploads a file to the vault.
import FanoutClient
import FanoutClientAsyncHTTPClient
import Foundation

func gettingStarted(apiKey: String, connectionID: String, videoURL: URL) async throws {
    // snippet.show
    let client = FanoutClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: apiKey, connectionID: connectionID)

    for try await chat in client.chats(order: .recent, filter: .unread).prefix(20) {   // pages by offset
        print(chat.withUser.id, chat.unreadCount, chat.lastMessage?.text ?? "")
    }
    for try await message in client.chatMessages(userID: 2000013).prefix(50) {         // pages by last_id, 10 at most
        print(message.id, message.createdAt, message.price)              // Date, Decimal
    }
    let sent = try await client.sendMessage(to: 2000013, text: "Thanks for the tip!")
    print(sent.id)

    // A file into the vault, part by part, with progress.
    let media = try await client.upload(fileAt: videoURL, contentType: "video/mp4") { progress in
        print(progress.bytesSent, "of", progress.totalBytes)
    }
    print(media.id)
    // snippet.hide
}
