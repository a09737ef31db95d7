import FanoutCore
import Foundation

/// Whole bodies of the hot read pages, written with `JSONWriter`.
extension WireMapper {
    /// `MessageList`: `nextLastId` is always present (null on the last page).
    func messageListBody(_ page: Page<ChatMessage>, users: [UserProfile]?) -> [UInt8] {
        // One chat: one creator, one clock.
        let now = page.items.first.map { clock.now(creatorID: $0.creatorID) } ?? clock.baseNow()
        var w = JSONWriter()
        w.beginObject()
        w.key("list"); w.beginArray()
        for message in page.items { write(message, now: now, to: &w) }
        w.endArray()
        w.field("hasMore", page.hasMore)
        w.key("nextLastId")
        if page.hasMore, let last = page.items.last { w.int(last.id) } else { w.null() }
        if let users {
            w.key("users"); w.beginArray()
            for user in users { write(user, to: &w) }
            w.endArray()
        }
        w.endObject()
        return w.bytes
    }

    /// `ChatList`.
    func chatListBody(_ page: Page<ChatSummary>, nextOffset: Int?) -> [UInt8] {
        let now = page.items.lazy.compactMap(\.lastMessage).first.map { clock.now(creatorID: $0.creatorID) } ?? clock.baseNow()
        // About 4 KB a chat (its last message and media): sized once instead of grown by copying.
        var w = JSONWriter(capacity: 4_096 * (page.items.count + 1))
        w.beginObject()
        w.key("list"); w.beginArray()
        for chat in page.items { write(chat, now: now, to: &w) }
        w.endArray()
        w.field("hasMore", page.hasMore)
        w.field("nextOffset", ifPresent: nextOffset)
        w.endObject()
        return w.bytes
    }

    /// `QueueItemList`.
    func queueItemListBody(_ page: Page<MassMessage>, creatorName: String) -> [UInt8] {
        let now = page.items.first.map { clock.now(creatorID: $0.creatorID) } ?? clock.baseNow()
        var w = JSONWriter(capacity: 32_768)
        w.beginObject()
        w.key("list"); w.beginArray()
        for message in page.items { write(message, creatorName: creatorName, now: now, to: &w) }
        w.endArray()
        w.field("hasMore", page.hasMore)
        w.endObject()
        return w.bytes
    }

    /// One `QueueItem`.
    func queueItemBody(_ message: MassMessage, creatorName: String) -> [UInt8] {
        var w = JSONWriter(capacity: 4_096)
        write(message, creatorName: creatorName, now: clock.now(creatorID: message.creatorID), to: &w)
        return w.bytes
    }

    /// `PurchasedItemList`.
    func purchasedItemListBody(_ page: Page<MassMessage>) -> [UInt8] {
        let now = page.items.first.map { clock.now(creatorID: $0.creatorID) } ?? clock.baseNow()
        var w = JSONWriter(capacity: 32_768)
        w.beginObject()
        w.field("hasMore", page.hasMore)
        w.key("items"); w.beginArray()
        for message in page.items { writePurchased(message, now: now, to: &w) }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
