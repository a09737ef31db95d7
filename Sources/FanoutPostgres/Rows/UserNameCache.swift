import FanoutCore

/// Users' display names by id, for the chat page. A user's name never
/// changes once written (adding a creator that exists only marks it a
/// creator), so a cached one stays right for the life of the process, with
/// any number of instances on the database. With both of a chat's names
/// cached, the page's statement looks neither up (two init plans fewer to
/// set up and run on every call).
final class UserNameCache: Sendable {
    private let entries: BoundedCache<Int64, String>

    init(capacity: Int = 100_000) { entries = BoundedCache(capacity: capacity) }

    /// Both names, or nil unless both are cached.
    func names(_ first: Int64, _ second: Int64) -> (String, String)? {
        entries.withEntries { entries in
            guard let a = entries.value(for: first), let b = entries.value(for: second) else { return nil }
            return (a, b)
        }
    }

    func insert(_ names: [(id: Int64, name: String)]) {
        entries.withEntries { entries in
            for (id, name) in names { entries.insert(name, for: id) }
        }
    }

    /// How many names it holds (tests).
    var count: Int { entries.count }
}
