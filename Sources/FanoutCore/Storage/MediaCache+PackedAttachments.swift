extension MediaCache {
    /// The attachments of each packed list, in order. A list is how both
    /// backends keep a message's attachments on its row: each element
    /// `mediaId * 2 + isPreview`. Media come from the cache, those it lacks
    /// from `fetch` (then cached); an id `fetch` does not return is skipped.
    public func attachments(_ packed: [[Int64]], fetch: ([Int64]) throws -> [Media]) rethrows -> [[Attachment]] {
        let ids = Self.mediaIDs(packed)
        guard !ids.isEmpty else { return packed.map { _ in [] } }
        var (media, missing) = lookup(ids)
        if !missing.isEmpty { add(try fetch(missing), to: &media) }
        return Self.attachments(packed, media: media)
    }

    /// The same, for a backend that fetches asynchronously.
    public func attachments(_ packed: [[Int64]], fetch: ([Int64]) async throws -> [Media]) async rethrows -> [[Attachment]] {
        let ids = Self.mediaIDs(packed)
        guard !ids.isEmpty else { return packed.map { _ in [] } }
        var (media, missing) = lookup(ids)
        if !missing.isEmpty { add(try await fetch(missing), to: &media) }
        return Self.attachments(packed, media: media)
    }

    private static func mediaIDs(_ packed: [[Int64]]) -> Set<Int64> {
        var ids = Set<Int64>()
        for list in packed { for element in list { ids.insert(element >> 1) } }
        return ids
    }

    private func add(_ fetched: [Media], to media: inout [Int64: Media]) {
        insert(fetched)
        for item in fetched { media[item.id] = item }
    }

    private static func attachments(_ packed: [[Int64]], media: [Int64: Media]) -> [[Attachment]] {
        packed.map { list in
            list.compactMap { element in media[element >> 1].map { Attachment(media: $0, isPreview: element & 1 == 1) } }
        }
    }
}
