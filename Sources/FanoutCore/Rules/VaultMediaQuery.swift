/// What `GET /vault/media` (and a vault list's media) asks for, validated.
public struct VaultMediaQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Newest first.
        case recent
        /// Oldest first.
        case oldest
        /// Most liked first (ties: newest).
        case mostLiked = "most_liked"
        /// Most earned first (ties: newest).
        case highestTips = "highest_tips"
    }

    public var page: PageRequest
    public var sort: Sort
    /// Only the media in this vault list.
    public var listID: Int64?
    /// Case-insensitive substring of the media's file name (uploads have one).
    public var search: String?
    public var kind: MediaKind?

    public init(page: PageRequest, sort: Sort = .recent, listID: Int64? = nil, search: String? = nil, kind: MediaKind? = nil) {
        self.page = page
        self.sort = sort
        self.listID = listID
        self.search = search
        self.kind = kind
    }
}
