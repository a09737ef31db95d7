import FanoutCore
import Foundation

/// What the templates show, built from domain values (Mustache reads these
/// through reflection: names here are names in `ConsoleTemplates`).
enum ConsoleViews {
    struct Nav {
        var creatorName: String
        var chats = false
        var massMessages = false
        var analytics = false
        var sandbox = false
    }

    struct SignIn {
        var error: String?
        var csrf: String? = nil
        var nav: Nav? = nil
    }

    struct ConnectionItem {
        var id: String
        var creatorName: String
        var permissions: String
    }

    struct Connections {
        var connections: [ConnectionItem]
        var csrf: String
        var error: String?
        var nav: Nav? = nil
    }

    struct Filter {
        var label: String
        var href: String
        var current: Bool
    }

    struct ChatItem {
        var fanId: Int64
        var name: String
        var username: String
        var unread: Int?
        var unreadTips: Bool
        var subscribed: Bool
        var preview: String
        var time: String
    }

    struct Chats {
        var chats: [ChatItem]
        var filters: [Filter]
        var next: String?
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    struct MediaItem {
        var id: Int64
        var kind: String
        var url: String
        /// Served by this server (an upload): shown; the demo's made-up CDN URLs are not fetched.
        var local: Bool
        var preview: Bool
        var width: Int
        var height: Int
    }

    struct MessageItem {
        var id: Int64
        var side: String
        var from: String
        var time: String
        var text: String
        var price: String?
        var locked: Bool
        var bought: Bool
        var tip: String?
        var queued: Bool
        var media: [MediaItem]
        var hasMedia: Bool
    }

    struct Chat {
        var fanId: Int64
        var name: String
        var username: String
        var creatorName: String
        var messages: [MessageItem]
        var older: String?
        var csrf: String
        var nav: Nav
        var error: String? = nil
        var sendError: String? = nil
        var fanError: String? = nil
        var fan: FanPanel? = nil
    }

    static func connection(_ connection: Connection) -> ConnectionItem {
        ConnectionItem(
            id: connection.id, creatorName: connection.creatorName.isEmpty ? "Creator \(connection.creatorID)" : connection.creatorName,
            permissions: connection.permissions.map(\.rawValue).sorted().joined(separator: ", "))
    }

    static func chat(_ summary: ChatSummary, fan: UserProfile?) -> ChatItem {
        let last = summary.lastMessage
        return ChatItem(
            fanId: summary.fanID, name: fan?.name ?? "User \(summary.fanID)", username: fan?.username ?? "u\(summary.fanID)",
            unread: summary.unreadCount > 0 ? summary.unreadCount : nil,
            unreadTips: summary.hasUnreadTips, subscribed: summary.isSubscribed,
            preview: last.map { preview($0) } ?? "", time: last.map { time($0.createdAt) } ?? "")
    }

    static func message(_ message: ChatMessage, creatorName: String, fanName: String) -> MessageItem {
        let media = message.attachments.map { attachment in
            let url = attachment.media.thumbURL ?? attachment.media.fullURL
            return MediaItem(
                id: attachment.media.id, kind: attachment.media.kind.rawValue, url: url, local: url.hasPrefix("/"),
                preview: attachment.isPreview, width: attachment.media.width, height: attachment.media.height)
        }
        return MessageItem(
            id: message.id, side: message.isFromCreator ? "creator" : "fan", from: message.isFromCreator ? creatorName : fanName,
            time: time(message.createdAt), text: message.text,
            price: !message.isTip && !message.price.isZero ? message.price.decimalString : nil,
            locked: message.canPurchase, bought: message.purchasedAt != nil,
            tip: message.isTip ? message.price.decimalString : nil, queued: message.isFromQueue, media: media, hasMedia: !media.isEmpty)
    }

    static func preview(_ message: ChatMessage) -> String {
        let text = message.text.isEmpty ? (message.attachments.isEmpty ? "" : "[\(message.attachments.count) media]") : message.text
        return text.count > 90 ? String(text.prefix(90)) + "…" : text
    }

    /// "2026-11-23 18:37" (UTC).
    static func time(_ date: Date) -> String {
        let stamp = Timestamp.string(date)
        return String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
