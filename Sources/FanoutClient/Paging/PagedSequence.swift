/// The items of every page, fetched as the sequence is walked: each page
/// says where the next starts (an offset, a `last_id`, a marker) or that it
/// is the last. `pages` walks whole pages; `prefix(n)` stops after n items
/// without fetching further pages.
public struct PagedSequence<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    public typealias Page = FanoutClient.Page<Item>
    public typealias Cursor = FanoutClient.PageCursor

    let first: Cursor?
    let fetch: @Sendable (Cursor?) async throws -> Page

    init(first: Cursor? = nil, fetch: @escaping @Sendable (Cursor?) async throws -> Page) {
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
            /// Every cursor asked for, and the empty pages in a row that said
            /// "more": a server that names a page again, or answers nothing
            /// but "more", would otherwise be walked forever.
            var asked: Set<Cursor> = []
            var emptyInARow = 0
            static var mostEmptyPagesInARow: Int { 20 }
            let fetch: @Sendable (Cursor?) async throws -> Page

            init(cursor: Cursor?, fetch: @escaping @Sendable (Cursor?) async throws -> Page) {
                self.cursor = cursor
                self.fetch = fetch
            }

            /// What ends the walk after the page that caused it was handed out.
            var failure: FanoutClientError?

            public mutating func next() async throws -> Page? {
                if let failure {
                    done = true
                    self.failure = nil
                    throw failure
                }
                guard !done else { return nil }
                if let cursor { asked.insert(cursor) }
                let page = try await fetch(cursor)
                emptyInARow = page.items.isEmpty ? emptyInARow + 1 : 0
                if let next = page.next {
                    // A filtered list may have an empty page with more after it; a loop may not.
                    if asked.contains(next) {
                        failure = .invalidResponse(field: "next page", value: "\(next), asked before")
                    } else if emptyInARow > Self.mostEmptyPagesInARow {
                        failure = .invalidResponse(field: "next page", value: "more after \(emptyInARow) empty pages in a row")
                    }
                }
                cursor = page.next
                done = page.next == nil
                return page
            }
        }
    }
}

extension PagedSequence {
    /// A walk by offset from 0, each page naming the next.
    static func byOffset(_ page: @escaping @Sendable (_ offset: Int) async throws -> Page) -> PagedSequence {
        PagedSequence(first: .offset(0)) { cursor in try await page(cursor?.offset ?? 0) }
    }

    /// A walk by marker, the first page without one.
    static func byMarker(_ page: @escaping @Sendable (_ marker: Int?) async throws -> Page) -> PagedSequence {
        PagedSequence(first: nil) { cursor in try await page(cursor?.marker) }
    }

    /// A walk by `last_id`, the first page without one.
    static func byLastID(_ page: @escaping @Sendable (_ lastID: Int?) async throws -> Page) -> PagedSequence {
        PagedSequence(first: nil) { cursor in try await page(cursor?.lastID) }
    }
}
