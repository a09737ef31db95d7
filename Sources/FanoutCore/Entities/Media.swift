import Foundation

/// A file in a creator's vault. Stored once, attached to messages by reference.
public struct Media: Sendable, Equatable {
    public var id: Int64
    public var creatorID: Int64
    public var kind: MediaKind
    public var createdAt: Date
    public var isReady: Bool
    public var hasError: Bool
    public var convertedToVideo: Bool
    public var hasCustomPreview: Bool
    /// Seconds, for video and audio.
    public var duration: Double?
    public var width: Int
    public var height: Int
    public var size: Int
    public var fullURL: String
    public var thumbURL: String?
    public var previewURL: String?
    public var squarePreviewURL: String?
    public var video240URL: String?
    public var video720URL: String?

    public init(
        id: Int64, creatorID: Int64, kind: MediaKind, createdAt: Date, isReady: Bool = true,
        hasError: Bool = false, convertedToVideo: Bool = false, hasCustomPreview: Bool = false,
        duration: Double? = nil, width: Int, height: Int, size: Int, fullURL: String,
        thumbURL: String? = nil, previewURL: String? = nil, squarePreviewURL: String? = nil,
        video240URL: String? = nil, video720URL: String? = nil
    ) {
        self.id = id
        self.creatorID = creatorID
        self.kind = kind
        self.createdAt = createdAt
        self.isReady = isReady
        self.hasError = hasError
        self.convertedToVideo = convertedToVideo
        self.hasCustomPreview = hasCustomPreview
        self.duration = duration
        self.width = width
        self.height = height
        self.size = size
        self.fullURL = fullURL
        self.thumbURL = thumbURL
        self.previewURL = previewURL
        self.squarePreviewURL = squarePreviewURL
        self.video240URL = video240URL
        self.video720URL = video720URL
    }
}

/// Media as attached to one message: in order, some of it free previews.
public struct Attachment: Sendable, Equatable {
    public var media: Media
    public var isPreview: Bool

    public init(media: Media, isPreview: Bool) {
        self.media = media
        self.isPreview = isPreview
    }
}

extension Array where Element == Attachment {
    public var previewIDs: [Int64] { filter(\.isPreview).map(\.media.id) }
    public var allReady: Bool { allSatisfy(\.media.isReady) }
    public func count(of kind: MediaKind) -> Int { filter { $0.media.kind == kind }.count }
}
