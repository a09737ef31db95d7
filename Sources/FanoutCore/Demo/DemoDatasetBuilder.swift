import Foundation

/// Builds a realistic, deterministic `DemoDataset`: the same seed and anchor
/// always give the same dataset. Dates lie around `anchor` (normally now), so
/// recent mass messages can still be unsent and scheduled ones are ahead.
public struct DemoDatasetBuilder {
    public struct Size: Sendable {
        public var fans: Int
        public var chatsPerCreator: Int
        public var messagesPerChat: ClosedRange<Int>
        public var massMessagesPerCreator: Int

        public static let standard = Size(fans: 3000, chatsPerCreator: 120, messagesPerChat: 20...400, massMessagesPerCreator: 14)
        public static let small = Size(fans: 120, chatsPerCreator: 12, messagesPerChat: 3...40, massMessagesPerCreator: 13)

        public init(fans: Int, chatsPerCreator: Int, messagesPerChat: ClosedRange<Int>, massMessagesPerCreator: Int) {
            self.fans = fans
            self.chatsPerCreator = chatsPerCreator
            self.messagesPerChat = messagesPerChat
            self.massMessagesPerCreator = massMessagesPerCreator
        }
    }

    var rng: SeededGenerator
    let anchor: Date
    let size: Size
    private let day: TimeInterval = 86_400

    public init(seed: UInt64, anchor: Date, size: Size = .standard) {
        rng = SeededGenerator(seed: seed)
        self.anchor = anchor
        self.size = size
    }

    public mutating func build() -> DemoDataset {
        let creators = makeCreators()
        let fans = makeFans()
        let creatorIDs = creators.map(\.id)
        var subscriptions: [DemoDataset.Subscription] = []
        var media: [Media] = []
        var massMessages: [DemoDataset.MassMessage] = []
        var messages: [DemoDataset.Message] = []
        var muted = Set<[Int64]>()
        var nextMediaID: Int64 = 5_000_001

        for creator in creators {
            let subscribers = makeSubscriptions(creatorID: creator.id, fans: fans)
            subscriptions += subscribers
            let vault = makeVault(creatorID: creator.id, nextID: &nextMediaID)
            media += vault
            let active = subscribers.filter(\.isActive).map(\.fanID)
            // Chats with past subscribers too: they can read but not be messaged.
            for fanID in subscribers.map(\.fanID).shuffled(using: &rng).prefix(size.chatsPerCreator) {
                messages += makeChat(creatorID: creator.id, fanID: fanID, vault: vault)
                if Int.random(in: 0..<10, using: &rng) == 0 { muted.insert([creator.id, fanID]) }
            }
            for index in 0..<size.massMessagesPerCreator {
                let (mass, deliveries) = makeMassMessage(
                    creatorID: creator.id, index: index, massIndex: massMessages.count,
                    recipients: active, vault: vault)
                massMessages.append(mass)
                messages += deliveries
            }
        }
        messages.sort { $0.createdAt < $1.createdAt }
        var dataset = DemoDataset(
            organizations: makeOrganizations(creatorIDs: creatorIDs),
            users: creators + fans, creatorIDs: creatorIDs, subscriptions: subscriptions, media: media,
            massMessages: massMessages, messages: messages, mutedChats: muted)
        dataset.subscriberNotes = Self.notes(for: subscriptions)
        return dataset
    }

    /// Notes and nicknames for each creator's three longest subscribers
    /// (drawn from no random numbers: the rest of the demo stays as it was).
    static func notes(for subscriptions: [DemoDataset.Subscription]) -> [DemoDataset.SubscriberNote] {
        let kept = [
            ("Tips on Fridays; asked for a beach set", "Friday tipper"),
            ("Prefers short videos. Birthday in March", "Video fan"),
            ("Long-time fan, offer bundles", "OG"),
        ]
        var notes: [DemoDataset.SubscriberNote] = []
        for creatorID in Set(subscriptions.map(\.creatorID)).sorted() {
            let longest = subscriptions.filter { $0.creatorID == creatorID }.sorted { ($0.subscribedAt, $0.fanID) < ($1.subscribedAt, $1.fanID) }
            for (subscription, (notice, name)) in zip(longest, kept) {
                notes.append(.init(creatorID: creatorID, fanID: subscription.fanID, notice: notice, displayName: name))
            }
        }
        return notes
    }

    /// Three tenants. The first has a read-only connection (no messages:write);
    /// the third's connections are there to be ended.
    private func makeOrganizations(creatorIDs: [Int64]) -> [DemoDataset.Organization] {
        let all = Set(Permission.allCases)
        return [
            .init(name: "Demo Agency", connections: [
                .init(creatorID: creatorIDs[0], permissions: all),
                .init(creatorID: creatorIDs[1], permissions: all),
                .init(creatorID: creatorIDs[0], permissions: [.messagesRead, .listsRead]),
            ]),
            .init(name: "Other Studio", connections: [
                .init(creatorID: creatorIDs[2], permissions: all),
            ]),
            // Connections to invalidate and delete (the account API's tests
            // use these, so that nobody else's connection stops working), to
            // the second tenant's creator: the first tenant's creators stay
            // in one organization each (their sandbox clocks can move).
            .init(name: "Reconnect Lab", connections: [
                .init(creatorID: creatorIDs[2], permissions: all),
                .init(creatorID: creatorIDs[2], permissions: all),
                .init(creatorID: creatorIDs[2], permissions: [.profileRead]),
            ]),
        ]
    }

    private mutating func makeCreators() -> [UserProfile] {
        DemoCorpus.creatorNames.prefix(3).enumerated().map { index, name in
            let id = Int64(100_000 + index * 7919)
            let username = name.lowercased().replacingOccurrences(of: " ", with: "")
            return UserProfile(id: id, name: name, username: username,
                               avatar: "https://cdn.fanout.local/avatars/\(id).jpg", isVerified: true)
        }
    }

    private mutating func makeFans() -> [UserProfile] {
        (0..<size.fans).map { index in
            let id = Int64(2_000_000 + index * 13)
            let first = DemoCorpus.firstNames.randomElement(using: &rng)!
            let last = DemoCorpus.lastNames.randomElement(using: &rng)!
            let hasAvatar = Bool.random(using: &rng)
            return UserProfile(
                id: id, name: "\(first) \(last)", username: "\(first.lowercased())\(index)",
                avatar: hasAvatar ? "https://cdn.fanout.local/avatars/\(id).jpg" : nil,
                isVerified: Int.random(in: 0..<50, using: &rng) == 0)
        }
    }

    private mutating func makeSubscriptions(creatorID: Int64, fans: [UserProfile]) -> [DemoDataset.Subscription] {
        fans.compactMap { fan in
            guard Int.random(in: 0..<10, using: &rng) < 6 else { return nil }
            return .init(creatorID: creatorID, fanID: fan.id,
                         subscribedAt: anchor.addingTimeInterval(-Double.random(in: 1...400, using: &rng) * day),
                         isActive: Int.random(in: 0..<10, using: &rng) < 9)
        }
    }

    private mutating func makeVault(creatorID: Int64, nextID: inout Int64) -> [Media] {
        (0..<40).map { index in
            let id = nextID
            nextID += 1
            let kind: MediaKind = [.photo, .photo, .photo, .video, .video, .gif, .audio][index % 7]
            let base = "https://cdn.fanout.local/\(creatorID)/\(id)"
            let isVideo = kind == .video
            let hasError = index == 39
            return Media(
                id: id, creatorID: creatorID, kind: kind,
                createdAt: anchor.addingTimeInterval(-Double(60 - index) * day),
                isReady: !hasError && index != 38, hasError: hasError, convertedToVideo: kind == .gif,
                hasCustomPreview: isVideo && index % 2 == 0,
                duration: (isVideo || kind == .audio) ? Double(Int.random(in: 8...600, using: &rng)) : nil,
                width: kind == .audio ? 0 : 1080, height: kind == .audio ? 0 : 1350,
                size: Int.random(in: 200_000...80_000_000, using: &rng),
                fullURL: "\(base)/full.\(isVideo ? "mp4" : kind == .audio ? "mp3" : "jpg")",
                thumbURL: kind == .audio ? nil : "\(base)/thumb.jpg",
                previewURL: kind == .audio ? nil : "\(base)/preview.jpg",
                squarePreviewURL: kind == .audio ? nil : "\(base)/square.jpg",
                video240URL: isVideo ? "\(base)/240.mp4" : nil, video720URL: isVideo ? "\(base)/720.mp4" : nil)
        }
    }

    private mutating func pickAttachments(from vault: [Media], count: Int, previews: Int) -> [DemoDataset.AttachmentRef] {
        vault.prefix(38).shuffled(using: &rng).prefix(count).enumerated().map { index, media in
            .init(mediaID: media.id, isPreview: index < previews)
        }
    }

    private mutating func makeChat(creatorID: Int64, fanID: Int64, vault: [Media]) -> [DemoDataset.Message] {
        let count = Int.random(in: size.messagesPerChat, using: &rng)
        let span = Double.random(in: 5...300, using: &rng) * day
        // Times drawn inside the span and sorted: never past the anchor.
        let times = (0..<count).map { _ in anchor.addingTimeInterval(-Double.random(in: 600...span, using: &rng)) }.sorted()
        return times.enumerated().map { index, time in
            let fromCreator = Bool.random(using: &rng)
            let roll = Int.random(in: 0..<100, using: &rng)
            let isNewest = index >= count - 3
            var message = DemoDataset.Message(
                creatorID: creatorID, fanID: fanID, fromCreator: fromCreator,
                text: (fromCreator ? DemoCorpus.creatorTexts : DemoCorpus.fanTexts).randomElement(using: &rng)!,
                price: .zero, isLockedText: false, isTip: false, massMessage: nil, createdAt: time,
                openedAt: isNewest && !fromCreator && Bool.random(using: &rng) ? nil : min(time.addingTimeInterval(90), anchor),
                purchasedAt: nil, isLiked: roll % 17 == 0, isPinned: roll == 42, attachments: [])
            if fromCreator && roll < 15 {
                // A paid message (PPV): media, a preview sometimes, bought sometimes.
                message.price = Money(cents: Int64([499, 999, 1499, 2500, 4999][roll % 5]))
                message.attachments = pickAttachments(from: vault, count: 1 + roll % 3, previews: roll % 2)
                message.isLockedText = roll % 4 == 0
                if Bool.random(using: &rng) { message.purchasedAt = min(time.addingTimeInterval(3600), anchor) }
            } else if fromCreator && roll < 25 {
                message.attachments = pickAttachments(from: vault, count: 1, previews: 0)
            } else if !fromCreator && roll < 6 {
                message.isTip = true
                message.price = Money(cents: Int64([500, 1000, 2000][roll % 3]))
                message.text = "Tipped $\(message.price.decimalString)"
            }
            return message
        }
    }

    private mutating func makeMassMessage(
        creatorID: Int64, index: Int, massIndex: Int, recipients: [Int64], vault: [Media]
    ) -> (DemoDataset.MassMessage, [DemoDataset.Message]) {
        // A spread of states: mostly sent (the newest, index 3, still inside
        // the 24 h unsend window), two recalled, one queued, two scheduled ahead.
        let state: MassMessageState = switch index {
        case 0, 1: .scheduled
        case 2: .queued
        case 4, 8: .canceled
        default: .sent
        }
        let isPaid = index % 3 != 2
        let createdAt = state == .scheduled || state == .queued
            ? anchor.addingTimeInterval(-Double(index) * 3600)
            : anchor.addingTimeInterval(-Double(index - 3) * 2.5 * day - 3600)
        // A scheduled one goes to every active subscriber (resolved when due);
        // the others to a random part of them.
        let audience = state == .scheduled
            ? recipients[...]
            : recipients.shuffled(using: &rng).prefix(Int.random(in: recipients.count / 3...recipients.count, using: &rng))
        var mass = DemoDataset.MassMessage(
            creatorID: creatorID, text: DemoCorpus.massTexts[index % DemoCorpus.massTexts.count],
            price: isPaid ? Money(cents: Int64([999, 1499, 1999, 2999][index % 4])) : .zero,
            isLockedText: isPaid && index % 2 == 0, state: state, createdAt: createdAt,
            scheduledAt: state == .scheduled ? anchor.addingTimeInterval(Double(index + 1) * day) : nil,
            sentAt: nil, canceledAt: nil, total: audience.count, sentCount: 0, viewedCount: 0,
            purchasedCount: 0, attachments: pickAttachments(from: vault, count: 1 + index % 4, previews: isPaid ? 1 : 0))
        guard state != .scheduled else { return (mass, []) }

        // A queued one is half delivered, in fan id order as the fan-out goes.
        let delivered = state == .queued ? Array(audience.sorted().prefix(audience.count / 2)) : Array(audience)
        if state == .queued {
            mass.recipients = audience.sorted()
            mass.fanOutCursor = delivered.last ?? 0
        }
        mass.sentAt = state == .queued ? nil : createdAt.addingTimeInterval(60)
        mass.canceledAt = state == .canceled ? createdAt.addingTimeInterval(1800) : nil
        var deliveries: [DemoDataset.Message] = []
        for (position, fanID) in delivered.enumerated() {
            let at = createdAt.addingTimeInterval(Double.random(in: 1...50, using: &rng))
            // The first recipient always opens and, if it is paid, buys: every
            // paid mass message in the demo has a buyer.
            let opened = position == 0 || Int.random(in: 0..<100, using: &rng) < 45
            let bought = isPaid && opened && (position == 0 || Int.random(in: 0..<100, using: &rng) < 18)
            mass.viewedCount += opened ? 1 : 0
            mass.purchasedCount += bought ? 1 : 0
            // A recall removes every delivery that nobody bought.
            if state == .canceled && !bought { continue }
            deliveries.append(DemoDataset.Message(
                creatorID: creatorID, fanID: fanID, fromCreator: true, text: mass.text, price: mass.price,
                isLockedText: mass.isLockedText, isTip: false, massMessage: massIndex, createdAt: at,
                openedAt: opened ? at.addingTimeInterval(600) : nil,
                purchasedAt: bought ? at.addingTimeInterval(1200) : nil,
                isLiked: false, isPinned: false, attachments: mass.attachments))
        }
        mass.sentCount = delivered.count
        return (mass, deliveries)
    }
}
