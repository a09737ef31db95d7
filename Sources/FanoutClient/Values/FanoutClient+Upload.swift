extension FanoutClient {
    /// An upload the server opened: send its bytes whole or in parts, as it
    /// advises, then complete it.
    public struct StartedUpload: Sendable, Hashable, Identifiable {
        /// The `mediaUploadId` the other upload calls take.
        public var id: String
        /// Bytes per part, as the server advises (`x-ofauth-upload-part-size`).
        public var partSize: Int?
        /// How many parts, as the server advises (`x-ofauth-upload-total-parts`;
        /// 1: send the file whole).
        public var partCount: Int?

        public init(id: String, partSize: Int? = nil, partCount: Int? = nil) {
            self.id = id
            self.partSize = partSize
            self.partCount = partCount
        }
    }

    /// A part the server stored.
    public struct UploadedPart: Sendable, Hashable {
        public var uploadID: String
        /// Numbered from 1.
        public var number: Int
        /// The part's MD5, hex.
        public var etag: String

        public init(uploadID: String, number: Int, etag: String) {
            self.uploadID = uploadID
            self.number = number
            self.etag = etag
        }
    }

    /// A completed upload: the vault media it became.
    public struct UploadedMedia: Sendable, Hashable {
        public var uploadID: String
        public var media: Media

        public init(uploadID: String, media: Media) {
            self.uploadID = uploadID
            self.media = media
        }
    }

    /// Whether the vault already has a file (or a part arrived) with an
    /// ETag and size; the media when it is a whole file.
    public struct UploadCheck: Sendable, Hashable {
        public var exists: Bool
        public var media: Media?

        public init(exists: Bool, media: Media? = nil) {
            self.exists = exists
            self.media = media
        }
    }

    /// How far an upload is, reported after each request that carried bytes.
    public struct UploadProgress: Sendable, Hashable {
        public var bytesSent: Int
        public var totalBytes: Int
        public var partsSent: Int
        /// 1 when the file goes whole.
        public var totalParts: Int

        public init(bytesSent: Int, totalBytes: Int, partsSent: Int, totalParts: Int) {
            self.bytesSent = bytesSent
            self.totalBytes = totalBytes
            self.partsSent = partsSent
            self.totalParts = totalParts
        }

        /// 0 to 1.
        public var fractionCompleted: Double { totalBytes > 0 ? Double(bytesSent) / Double(totalBytes) : 1 }
    }
}
