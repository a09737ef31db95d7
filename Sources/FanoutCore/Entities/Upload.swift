import Foundation

/// A file on its way into a creator's vault: declared at `init`, sent in
/// numbered parts (or whole), and turned into a vault media when complete.
public struct Upload: Sendable, Equatable {
    public var id: String
    public var creatorID: Int64
    public var filename: String
    /// Bytes, as declared: the parts must add up to exactly this.
    public var size: Int
    public var contentType: String
    public var createdAt: Date
    /// The vault media it became, once complete.
    public var mediaID: Int64?

    public init(
        id: String, creatorID: Int64, filename: String, size: Int, contentType: String, createdAt: Date, mediaID: Int64? = nil
    ) {
        self.id = id
        self.creatorID = creatorID
        self.filename = filename
        self.size = size
        self.contentType = contentType
        self.createdAt = createdAt
        self.mediaID = mediaID
    }
}

extension Upload {
    /// What the declared content type says the file is (checked at init).
    public var kind: MediaKind { MediaKind(contentType: contentType) ?? .photo }
}

/// One received part of an upload: its byte count and ETag (MD5, hex).
public struct UploadPart: Sendable, Equatable {
    public var number: Int
    public var size: Int
    public var etag: String

    public init(number: Int, size: Int, etag: String) {
        self.number = number
        self.size = size
        self.etag = etag
    }
}

/// A complete upload's file as the vault keeps it.
public struct StoredMediaFile: Sendable, Equatable {
    /// Relative to the media folder.
    public var path: String
    public var contentType: String

    public init(path: String, contentType: String) {
        self.path = path
        self.contentType = contentType
    }
}

/// What a complete upload adds to the vault.
public struct NewMedia: Sendable, Equatable {
    public var creatorID: Int64
    public var kind: MediaKind
    public var createdAt: Date
    public var width: Int
    public var height: Int
    public var duration: Double?
    public var size: Int
    public var filename: String
    public var file: StoredMediaFile
    public var etag: String

    public init(
        creatorID: Int64, kind: MediaKind, createdAt: Date, width: Int, height: Int, duration: Double?, size: Int, filename: String,
        file: StoredMediaFile, etag: String
    ) {
        self.creatorID = creatorID
        self.kind = kind
        self.createdAt = createdAt
        self.width = width
        self.height = height
        self.duration = duration
        self.size = size
        self.filename = filename
        self.file = file
        self.etag = etag
    }
}
