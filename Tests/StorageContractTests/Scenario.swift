import FanoutCore
import FanoutTestSupport
import Foundation

/// A small hand-made world with known contents, for exact assertions.
/// Creator 1 chats with fans 10, 11, 12; creator 2 with fan 10. Mass message
/// 0 (sent an hour ago, paid) reached fans 10, 11, 12; fan 11 bought it.
/// Mass message 1 is scheduled; mass message 2 belongs to creator 2.
/// Vault: creator 1 has photo 500 (in mass message 0) and video 501 (in
/// nothing); creator 2 has photo 502.
enum Scenario {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let texts = [
        "Hello there", "Crème BRÛLÉE tonight?", "100% sure", "a_b literal", "plain words",
        "HELLO again", "see you", "what's new", "ok", "last one",
    ]

    static func dataset() -> DemoDataset {
        func user(_ id: Int64, _ name: String) -> UserProfile {
            UserProfile(id: id, name: name, username: name.lowercased(), avatar: nil, isVerified: false)
        }
        let media = Media(id: 500, creatorID: 1, kind: .photo, createdAt: now, width: 10, height: 10, size: 100, fullURL: "https://x/500.jpg")
        func message(_ fan: Int64, _ index: Int, creator: Int64 = 1) -> DemoDataset.Message {
            DemoDataset.Message(
                creatorID: creator, fanID: fan, fromCreator: index % 2 == 0, text: texts[index % texts.count], price: .zero,
                isLockedText: false, isTip: false, massMessage: nil,
                createdAt: now.addingTimeInterval(Double(-10_000 + index * 10 + Int(fan))), openedAt: nil, purchasedAt: nil,
                isLiked: false, isPinned: false, attachments: [])
        }
        var messages = (0..<10).map { message(10, $0) } + (0..<3).map { message(11, $0) } + (0..<2).map { message(12, $0) }
            + (0..<2).map { message(10, $0, creator: 2) }
        let sentAt = now.addingTimeInterval(-3600)
        for fan: Int64 in [10, 11, 12] {
            messages.append(DemoDataset.Message(
                creatorID: 1, fanID: fan, fromCreator: true, text: "Unlock me", price: Money(cents: 999), isLockedText: true,
                isTip: false, massMessage: 0, createdAt: sentAt.addingTimeInterval(Double(fan)), openedAt: nil,
                purchasedAt: fan == 11 ? sentAt.addingTimeInterval(60) : nil, isLiked: false, isPinned: false,
                attachments: [.init(mediaID: 500, isPreview: false)]))
        }
        func mass(_ creator: Int64, _ state: MassMessageState, purchased: Int) -> DemoDataset.MassMessage {
            DemoDataset.MassMessage(
                creatorID: creator, text: "Unlock me", price: Money(cents: 999), isLockedText: true, state: state,
                createdAt: sentAt.addingTimeInterval(state == .scheduled ? 10 : 0),
                scheduledAt: state == .scheduled ? now.addingTimeInterval(86_400) : nil,
                sentAt: state == .sent ? sentAt : nil, canceledAt: nil, total: 3, sentCount: state == .sent ? 3 : 0,
                viewedCount: 0, purchasedCount: purchased, attachments: [.init(mediaID: 500, isPreview: false)])
        }
        return DemoDataset(
            organizations: [], users: [user(1, "Creator"), user(2, "Other"), user(10, "Ann"), user(11, "Bob"), user(12, "Zoë")],
            creatorIDs: [1, 2],
            subscriptions: [10, 11, 12].map { .init(creatorID: 1, fanID: $0, subscribedAt: now, isActive: true) },
            media: [
                media,
                Media(id: 501, creatorID: 1, kind: .video, createdAt: now, width: 20, height: 20, size: 200, fullURL: "https://x/501.mp4"),
                Media(id: 502, creatorID: 2, kind: .photo, createdAt: now, width: 30, height: 30, size: 300, fullURL: "https://x/502.jpg"),
            ], massMessages: [mass(1, .sent, purchased: 1), mass(1, .scheduled, purchased: 0), mass(2, .sent, purchased: 0)],
            messages: messages.sorted { $0.createdAt < $1.createdAt }, mutedChats: [])
    }

    /// A fresh store of `backend` holding this world, for `body`.
    static func withSeeded(_ backend: StorageBackend, _ body: @Sendable (any FanoutStorage) async throws -> Void) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(dataset())
            try await body(storage)
        }
    }
}

extension ChatMessagesLookup {
    /// The page's messages; none when there is no page.
    var items: [ChatMessage] {
        if case .page(let page) = self { page.items } else { [] }
    }

    var hasMore: Bool {
        if case .page(let page) = self { page.hasMore } else { false }
    }
}
