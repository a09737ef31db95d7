public import Foundation

extension FanoutClient {
    /// A list (folder) of the creator's vault media.
    public struct VaultList: Sendable, Hashable, Identifiable {
        public var id: Int
        public var name: String
        public var hasMedia: Bool
        public var canUpdate: Bool
        public var canDelete: Bool
        /// How many media of each kind it holds (0 where the API leaves a count out).
        public var counts: VaultCounts
        /// Its (up to 3) most recently added media.
        public var recentMedia: [VaultMediaPreview]

        public init(
            id: Int, name: String, hasMedia: Bool, canUpdate: Bool, canDelete: Bool, counts: VaultCounts,
            recentMedia: [VaultMediaPreview]
        ) {
            self.id = id
            self.name = name
            self.hasMedia = hasMedia
            self.canUpdate = canUpdate
            self.canDelete = canDelete
            self.counts = counts
            self.recentMedia = recentMedia
        }
    }

    /// Media counts by kind: of one vault list, or of the whole vault.
    public struct VaultCounts: Sendable, Hashable {
        public var photos: Int
        public var videos: Int
        public var gifs: Int
        public var audios: Int

        public init(photos: Int, videos: Int, gifs: Int, audios: Int) {
            self.photos = photos
            self.videos = videos
            self.gifs = gifs
            self.audios = audios
        }
    }

    /// A media as a vault list shows it: its kind and a small picture.
    public struct VaultMediaPreview: Sendable, Hashable {
        public var kind: Media.Kind
        /// Its thumbnail, else the file itself.
        public var url: URL?

        public init(kind: Media.Kind, url: URL? = nil) {
            self.kind = kind
            self.url = url
        }
    }

    /// One page of vault lists, with the whole vault's counts.
    public struct VaultListsPage: Sendable {
        public var items: [VaultList]
        public var next: PageCursor?
        /// The whole vault's media counts.
        public var all: VaultCounts
        /// The (up to 3) newest media of the whole vault.
        public var allRecentMedia: [VaultMediaPreview]
        public var canCreateLists: Bool

        public init(
            items: [VaultList], next: PageCursor? = nil, all: VaultCounts, allRecentMedia: [VaultMediaPreview],
            canCreateLists: Bool
        ) {
            self.items = items
            self.next = next
            self.all = all
            self.allRecentMedia = allRecentMedia
            self.canCreateLists = canCreateLists
        }

        /// Whether the server has another page.
        public var hasMore: Bool { next != nil }
    }
}
