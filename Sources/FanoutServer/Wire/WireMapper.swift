import FanoutAPI
import FanoutCore
import Foundation
import OpenAPIRuntime

/// Maps domain values to the generated wire types. The only place that knows
/// OFAuth's quirks: price a number on messages but a string on statistics,
/// `fromUser` as {id, _view} in chats and {id, name} on mass messages,
/// `releaseForms` null on messages.
struct WireMapper: Sendable {
    /// Windows (`unsendSeconds`, `cancelSeconds`) are on the clock of the
    /// message's creator.
    let clock: any CreatorClock
    let policy: MessagingPolicy
    /// Media objects as JSON, by media id.
    let mediaJSON: MediaJSONCache

    init(clock: any CreatorClock, policy: MessagingPolicy, mediaJSON: MediaJSONCache = MediaJSONCache()) {
        self.clock = clock
        self.policy = policy
        self.mediaJSON = mediaJSON
    }

    /// `fromUser._view` / `withUser._view` as OnlyFans sends it for a short user object.
    static let shortView = "s"

    func timestamp(_ date: Date) -> String { Timestamp.string(date) }

    func textCropped(_ text: String) -> String {
        text.count <= 100 ? text : String(text.prefix(99)) + "…"
    }

    /// `releaseForms` on a message: always JSON null.
    static let nullReleaseForms = try! OpenAPIValueContainer(unvalidatedValue: nil)
}

/// Why a message cannot be bought, for `canPurchaseReason` ("" when it can).
extension ChatMessage {
    var purchaseReason: String {
        if canPurchase { return "" }
        if !isFromCreator { return "from_fan" }
        if isTip { return "tip" }
        if price.isZero { return "free" }
        return "purchased"
    }
}
