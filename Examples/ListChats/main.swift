// Lists a connection's chats and prints the newest messages of the first:
//
//   FANOUT_URL=http://127.0.0.1:8080 FANOUT_API_KEY=sk_… FANOUT_CONNECTION_ID=conn_… \
//     swift run fanout-client-example [chats] [messages]
import FanoutClient
import FanoutClientAsyncHTTPClient
import Foundation

let environment = ProcessInfo.processInfo.environment
guard let url = environment["FANOUT_URL"].flatMap(URL.init(string:)), let apiKey = environment["FANOUT_API_KEY"],
      let connectionID = environment["FANOUT_CONNECTION_ID"]
else {
    FileHandle.standardError.write(Data("Set FANOUT_URL, FANOUT_API_KEY and FANOUT_CONNECTION_ID.\n".utf8))
    exit(2)
}
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let (chatCount, messageCount) = (arguments.first ?? 10, arguments.dropFirst().first ?? 5)
let client = FanoutClient(baseURL: url, apiKey: apiKey, connectionID: connectionID)

do {
    var first: Int?
    for try await chat in client.chats(order: .recent).prefix(chatCount) {
        let id = chat.withUser.id
        first = first ?? id
        print("chat with \(id): \(chat.unreadCount) unread, last: \(chat.lastMessage?.text ?? "–")")
    }
    if let first {
        print("\nnewest messages with \(first):")
        for try await message in client.chatMessages(userID: first).prefix(messageCount) {
            print("  \(message.id) from \(message.fromUser.id): \(message.text)")
        }
    }
} catch let error as FanoutClientError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
