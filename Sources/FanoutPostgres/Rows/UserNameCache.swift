import FanoutCore

/// Users' display names by id, for the chat page. A fan's name never
/// changes; a creator's does (`PATCH /v2/access/self`): the instance that
/// writes it forgets it at once, and every instance trusts a cached name for
/// `ttl` only, so another instance's chat pages show the new name within
/// that. With both of a chat's names cached, the page's statement looks
/// neither up (two init plans fewer to set up and run on every call); a page
/// that lacks one runs `ChatPageNaming`, which returns them in the same
/// round trip.
final class UserNameCache: Sendable {
    private struct Entry: Sendable {
        var name: String
        var expires: ContinuousClock.Instant
    }

    private let entries: BoundedCache<Int64, Entry>
    let ttl: Duration

    init(capacity: Int = 100_000, ttl: Duration = .seconds(30)) {
        entries = BoundedCache(capacity: capacity)
        self.ttl = ttl
    }

    /// Both names, or nil unless both are cached and fresh.
    func names(_ first: Int64, _ second: Int64) -> (String, String)? {
        let now = ContinuousClock.now
        return entries.withEntries { entries in
            guard let a = entries.value(for: first), a.expires > now, let b = entries.value(for: second), b.expires > now else { return nil }
            return (a.name, b.name)
        }
    }

    func insert(_ names: [(id: Int64, name: String)]) {
        let expires = ContinuousClock.now + ttl
        entries.withEntries { entries in
            for (id, name) in names { entries.insert(Entry(name: name, expires: expires), for: id) }
        }
    }

    /// A name just changed here: read again on the next page.
    func forget(_ id: Int64) {
        entries.withEntries { entries in entries.remove(id) }
    }

    /// How many names it holds (tests).
    var count: Int { entries.count }
}
