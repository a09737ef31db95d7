extension FanoutClient {
    /// One page of a list, and where the next one starts (nil: it is the last).
    public struct Page<Item: Sendable>: Sendable {
        public var items: [Item]
        public var next: PageCursor?

        public init(items: [Item], next: PageCursor?) {
            self.items = items
            self.next = next
        }

        /// Whether the server has another page.
        public var hasMore: Bool { next != nil }
    }

    /// Where a page starts, the endpoint's own way: an offset, a message id
    /// (`last_id`, newer messages do not shift it), or an opaque marker.
    public enum PageCursor: Sendable, Hashable {
        case offset(Int)
        case lastID(Int)
        case marker(Int)

        /// The offset, when this is one.
        public var offset: Int? { if case .offset(let value) = self { value } else { nil } }
        /// The message id, when this is one.
        public var lastID: Int? { if case .lastID(let value) = self { value } else { nil } }
        /// The marker, when this is one.
        public var marker: Int? { if case .marker(let value) = self { value } else { nil } }
    }
}

extension FanoutClient.Page {
    /// The next offset of an offset-paged list: the server's when it says,
    /// else one past the items of this page.
    init(items: [Item], hasMore: Bool, offset: Int, nextOffset: Int?) {
        let (fallback, overflow) = offset.addingReportingOverflow(items.count)
        self.init(items: items, next: hasMore ? (nextOffset ?? (overflow ? nil : fallback)).map { .offset($0) } : nil)
    }
}
