/// The items of every page, fetched as the sequence is walked: each page
/// says where the next starts (an offset, a `last_id`, a marker) or that it
/// is the last. `pages` walks whole pages; `prefix(n)` stops after n items
/// without fetching further pages.
public struct PagedSequence<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    /// A page and where the next one starts (nil: none).
    public struct Page: Sendable {
        public var items: [Item]
        public var next: Cursor?

        public init(items: [Item], next: Cursor?) {
            self.items = items
            self.next = next
        }
    }

    /// Where a page starts: the API's own way for this walk.
    public enum Cursor: Sendable, Hashable {
        case offset(Int)
        case lastID(String)
        case marker(Int)
    }

    let first: Cursor?
    let fetch: @Sendable (Cursor?) async throws -> Page

    public init(first: Cursor? = nil, fetch: @escaping @Sendable (Cursor?) async throws -> Page) {
        self.first = first
        self.fetch = fetch
    }

    /// Whole pages, in order.
    public var pages: Pages { Pages(first: first, fetch: fetch) }

    public func makeAsyncIterator() -> Iterator { Iterator(pages: pages.makeAsyncIterator()) }

    public struct Iterator: AsyncIteratorProtocol {
        var pages: Pages.Iterator
        var buffer: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                (buffer, index) = (page.items, 0)
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    public struct Pages: AsyncSequence, Sendable {
        public typealias Element = Page
        let first: Cursor?
        let fetch: @Sendable (Cursor?) async throws -> Page

        public func makeAsyncIterator() -> Iterator { Iterator(cursor: first, fetch: fetch) }

        public struct Iterator: AsyncIteratorProtocol {
            var cursor: Cursor?
            var done = false
            let fetch: @Sendable (Cursor?) async throws -> Page

            init(cursor: Cursor?, fetch: @escaping @Sendable (Cursor?) async throws -> Page) {
                self.cursor = cursor
                self.fetch = fetch
            }

            public mutating func next() async throws -> Page? {
                guard !done else { return nil }
                let page = try await fetch(cursor)
                cursor = page.next
                done = page.next == nil
                return page
            }
        }
    }
}
