import FanoutCore
import Foundation

extension ConsoleViews {
    struct Tab {
        var label: String
        var href: String
        var current: Bool
    }

    struct MassMessageItem {
        var id: Int64
        var text: String
        var state: String
        var date: String
        var price: String?
        var media: Int
        var total: Int
        var delivered: Int
        var sentCount: Int
        var viewedCount: Int
        var purchasedCount: Int
        var isDone: Bool
        var editable: Bool
        var withdrawable: Bool
        var withdrawLabel: String
    }

    struct MassMessages {
        var items: [MassMessageItem]
        var tabs: [Tab]
        var next: String?
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    /// A vault media item to attach.
    struct MediaOption {
        var id: Int64
        var kind: String
        var checked: Bool
    }

    /// A user list to send to, or to leave out, with its member count.
    struct ListOption {
        var id: Int64
        var name: String
        var count: Int
        var checked: Bool
    }

    /// Messages beside the compose form's fields, by the API's field names.
    struct ComposeErrors {
        var text: String?
        var price: String?
        var media: String?
        var lists: String?
        var schedule: String?

        /// Places `error` beside its field; nil when it names none of them.
        init?(_ error: FanoutError) {
            guard case .badRequest(_, let field?, _) = error else { return nil }
            let message = error.description
            switch field {
            case "text": text = message
            case "price": price = message
            case "mediaItems", "previewMediaCount", "previews": media = message
            case "userLists", "excludeUserLists": lists = message
            case "scheduledDate": schedule = message
            default: return nil
            }
        }
    }

    struct Compose {
        var heading: String
        var action: String
        var submit: String
        var text: String
        var price: String
        var lockedText: Bool
        var previews: Int
        var scheduledDate: String
        var media: [MediaOption]
        var lists: [ListOption]
        var excluded: [ListOption]
        var errors: ComposeErrors?
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    static func massMessage(_ message: MassMessage, policy: MessagingPolicy, now: Date) -> MassMessageItem {
        let withdrawable = message.state == .scheduled || (message.state != .canceled && policy.unsendSeconds(message, now: now) > 0)
        return MassMessageItem(
            id: message.id, text: message.text.isEmpty ? "(no text)" : message.text, state: message.state.rawValue,
            date: time(message.date), price: message.price.isZero ? nil : message.price.decimalString, media: message.attachments.count,
            total: message.total, delivered: message.total - message.pending, sentCount: message.sentCount,
            viewedCount: message.viewedCount, purchasedCount: message.purchasedCount, isDone: message.state == .sent,
            editable: message.state == .scheduled, withdrawable: withdrawable,
            withdrawLabel: message.state == .scheduled ? "Delete" : "Unsend")
    }

    /// "2026-11-24T18:00", as a `datetime-local` input shows it.
    static func localInput(_ date: Date?) -> String {
        date.map { String(Timestamp.string($0).prefix(16)) } ?? ""
    }
}
