/// One page of a newest-first listing.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Whether anything follows this page (answered by fetching one extra row,
    /// never by counting).
    public var hasMore: Bool

    public init(items: [Item], hasMore: Bool) {
        self.items = items
        self.hasMore = hasMore
    }

    /// Builds a page from up to `limit + 1` fetched rows.
    public init(fetched: [Item], limit: Int) {
        items = Array(fetched.prefix(limit))
        hasMore = fetched.count > limit
    }
}

/// Offset paging: what to skip and how much to return.
public struct PageRequest: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }
}
