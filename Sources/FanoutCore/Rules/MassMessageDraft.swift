import Foundation

/// Who a mass message goes to. Recipients = (userIDs ∪ members of lists) −
/// members of excluded lists, kept to active subscribers of the creator
/// (subscribed at or after `subscribedAfter`, when given), each once. With
/// neither users nor lists, every active subscriber (minus exclusions).
public struct Audience: Sendable, Equatable {
    public var userIDs: [Int64]
    public var listIDs: [Int64]
    public var excludedListIDs: [Int64]
    public var subscribedAfter: Date?

    public init(userIDs: [Int64] = [], listIDs: [Int64] = [], excludedListIDs: [Int64] = [], subscribedAfter: Date? = nil) {
        self.userIDs = userIDs
        self.listIDs = listIDs
        self.excludedListIDs = excludedListIDs
        self.subscribedAfter = subscribedAfter
    }

    public var isEveryone: Bool { userIDs.isEmpty && listIDs.isEmpty }

    /// The most `userIds` one mass message names: a larger audience is a list
    /// (or everyone), and one body's ids are stored in its transaction.
    public static let maxUserIDs = 10_000
}

/// What a message carries: text, vault media (the first `previewMediaCount`
/// free previews), a price, locked text. Shared by mass and direct messages.
public struct MessageContent: Sendable, Equatable {
    public static let maxTextLength = 10_000
    public static let maxPrice = Money(cents: 20_000)

    public var text: String
    public var mediaIDs: [Int64]
    public var previewMediaCount: Int
    public var isLockedText: Bool
    public var price: Money

    public init(text: String, mediaIDs: [Int64] = [], previewMediaCount: Int = 0, isLockedText: Bool = false, price: Money = .zero) {
        self.text = text
        self.mediaIDs = mediaIDs
        self.previewMediaCount = previewMediaCount
        self.isLockedText = isLockedText
        self.price = price
    }

    /// The rules every message meets; each failure names the body field.
    public func validate() throws(FanoutError) {
        if text.unicodeScalars.count > Self.maxTextLength {
            throw .badRequest("text is longer than \(Self.maxTextLength) characters", field: "text", allowed: "at most 10000 characters")
        }
        if price < .zero || price > Self.maxPrice {
            throw .badRequest("price must be between 0 and 200", field: "price", allowed: "0 to 200")
        }
        if previewMediaCount < 0 || previewMediaCount > mediaIDs.count {
            throw .badRequest(
                "previewMediaCount must be between 0 and the number of mediaItems (\(mediaIDs.count))",
                field: "previewMediaCount", allowed: "0 to \(mediaIDs.count)")
        }
        if Set(mediaIDs).count != mediaIDs.count {
            throw .badRequest("mediaItems lists a media item twice", field: "mediaItems")
        }
        if !price.isZero && previewMediaCount == mediaIDs.count && !isLockedText {
            throw .badRequest(
                "A paid message needs something to unlock: media beyond the previews, or isLockedText",
                field: "price")
        }
        if text.isEmpty && mediaIDs.isEmpty {
            throw .badRequest("A message needs text or mediaItems", field: "text")
        }
    }
}

/// What POST and PUT /v2/access/mass-messages ask for.
public struct MassMessageDraft: Sendable, Equatable {
    public var content: MessageContent
    public var audience: Audience
    /// nil: send now.
    public var scheduledAt: Date?

    public init(content: MessageContent, audience: Audience = Audience(), scheduledAt: Date? = nil) {
        self.content = content
        self.audience = audience
        self.scheduledAt = scheduledAt
    }

    public init(
        text: String, mediaIDs: [Int64] = [], previewMediaCount: Int = 0, isLockedText: Bool = false,
        price: Money = .zero, audience: Audience = Audience(), scheduledAt: Date? = nil
    ) {
        self.init(
            content: MessageContent(text: text, mediaIDs: mediaIDs, previewMediaCount: previewMediaCount, isLockedText: isLockedText, price: price),
            audience: audience, scheduledAt: scheduledAt)
    }

    public func validate(now: Date) throws(FanoutError) {
        try content.validate()
        if audience.userIDs.count > Audience.maxUserIDs {
            throw .badRequest(
                "userIds names \(audience.userIDs.count) fans; at most \(Audience.maxUserIDs) (use userLists for more)", field: "userIds",
                allowed: "at most \(Audience.maxUserIDs) ids")
        }
        if let scheduledAt, scheduledAt <= now {
            throw .badRequest("scheduledDate must be in the future", field: "scheduledDate", allowed: "a future ISO 8601 date")
        }
    }
}
