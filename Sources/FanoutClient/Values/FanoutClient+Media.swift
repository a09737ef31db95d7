public import Foundation

extension FanoutClient {
    /// A photo, video, gif or audio file: in a message, a chat's media, the vault.
    public struct Media: Sendable, Hashable, Identifiable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case photo, video, gif, audio
        }

        /// One rendition of the file.
        public struct File: Sendable, Hashable {
            public var url: URL
            public var width: Int?
            public var height: Int?
            /// Bytes.
            public var size: Int?

            public init(url: URL, width: Int? = nil, height: Int? = nil, size: Int? = nil) {
                self.url = url
                self.width = width
                self.height = height
                self.size = size
            }
        }

        public var id: Int
        public var kind: Kind
        public var createdAt: Date
        /// Processed and viewable (false while converting).
        public var isReady: Bool
        /// Whether this viewer may see it (false for a paid message's locked media).
        public var canView: Bool
        public var hasError: Bool
        /// Seconds, for video and audio.
        public var duration: Double?
        /// The full file, its preview, thumbnail and square preview, as far as the API gives them.
        public var full: File?
        public var preview: File?
        public var thumbnail: File?
        public var squarePreview: File?

        public init(
            id: Int, kind: Kind, createdAt: Date, isReady: Bool, canView: Bool, hasError: Bool, duration: Double? = nil,
            full: File? = nil, preview: File? = nil, thumbnail: File? = nil, squarePreview: File? = nil
        ) {
            self.id = id
            self.kind = kind
            self.createdAt = createdAt
            self.isReady = isReady
            self.canView = canView
            self.hasError = hasError
            self.duration = duration
            self.full = full
            self.preview = preview
            self.thumbnail = thumbnail
            self.squarePreview = squarePreview
        }
    }
}
