import Foundation

/// A creator's named folder of vault media (OFAuth's "vault list" of type
/// `custom`). Its counts by kind are kept on write.
public struct VaultList: Sendable, Equatable {
    public var id: Int64
    public var creatorID: Int64
    public var name: String
    public var createdAt: Date
    public var counts: MediaCounts
    /// The most recently added media (up to 3), for the list's previews.
    public var recentMedia: [Media]

    public init(id: Int64, creatorID: Int64, name: String, createdAt: Date, counts: MediaCounts, recentMedia: [Media] = []) {
        self.id = id
        self.creatorID = creatorID
        self.name = name
        self.createdAt = createdAt
        self.counts = counts
        self.recentMedia = recentMedia
    }
}

/// How many media of each kind a list (or the whole vault) holds.
public struct MediaCounts: Sendable, Equatable {
    public var photos: Int
    public var videos: Int
    public var gifs: Int
    public var audios: Int

    public init(photos: Int = 0, videos: Int = 0, gifs: Int = 0, audios: Int = 0) {
        self.photos = photos
        self.videos = videos
        self.gifs = gifs
        self.audios = audios
    }

    public var total: Int { photos + videos + gifs + audios }

    public mutating func add(_ count: Int, of kind: MediaKind?) {
        switch kind {
        case .photo: photos += count
        case .video: videos += count
        case .gif: gifs += count
        case .audio: audios += count
        case nil: break
        }
    }
}

/// The whole vault at a glance: counts and the newest media.
public struct VaultSummary: Sendable, Equatable {
    public var counts: MediaCounts
    public var recentMedia: [Media]

    public init(counts: MediaCounts, recentMedia: [Media]) {
        self.counts = counts
        self.recentMedia = recentMedia
    }
}

/// A vault media item as the vault lists it: the media, what fans did
/// with the messages that carry it, and the lists it is in.
public struct VaultMedia: Sendable, Equatable {
    public var media: Media
    /// Messages carrying it that the fan liked.
    public var likesCount: Int
    /// What fans paid to unlock messages carrying it (Fanout has no posts,
    /// so no tips on media: PPV revenue stands in for OFAuth's `tipsSumm`).
    public var earned: Money
    public var lists: [VaultListReference]

    public init(media: Media, likesCount: Int, earned: Money, lists: [VaultListReference]) {
        self.media = media
        self.likesCount = likesCount
        self.earned = earned
        self.lists = lists
    }
}

public struct VaultListReference: Sendable, Equatable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
