/// Vault media by id. A media row never changes once written, so a decoded
/// one stays right for the life of the process (and with several processes
/// on one database, whatever the backend): pages then read only which media a message carries,
/// not eighteen columns of each.
public final class MediaCache: Sendable {
    private let entries: BoundedCache<Int64, Media>

    public init(capacity: Int = 50_000) { entries = BoundedCache(capacity: capacity) }

    /// The cached ones among `ids`, and the ids it lacks.
    public func lookup(_ ids: some Sequence<Int64>) -> (found: [Int64: Media], missing: [Int64]) {
        entries.withEntries { entries in
            var found: [Int64: Media] = [:]
            var missing: [Int64] = []
            for id in ids {
                if let media = entries.value(for: id) { found[id] = media } else { missing.append(id) }
            }
            return (found, missing)
        }
    }

    public func insert(_ media: [Media]) {
        entries.withEntries { entries in
            for item in media { entries.insert(item, for: item.id) }
        }
    }
}
