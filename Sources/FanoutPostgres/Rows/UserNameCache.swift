import Synchronization

/// Users' display names by id, for the chat page. A user's name never
/// changes once written (adding a creator that exists only marks it a
/// creator), so a cached one stays right for the life of the process, with
/// any number of instances on the database. With both of a chat's names
/// cached, the page's statement looks neither up (two init plans fewer to
/// set up and run on every call). Bounded: emptied when full.
final class UserNameCache: Sendable {
    private let entries = Mutex<[Int64: String]>([:])
    let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = max(2, capacity) }

    /// Both names, or nil unless both are cached.
    func names(_ first: Int64, _ second: Int64) -> (String, String)? {
        entries.withLock { entries in
            guard let a = entries[first], let b = entries[second] else { return nil }
            return (a, b)
        }
    }

    func insert(_ names: [(id: Int64, name: String)]) {
        entries.withLock { entries in
            if entries.count + names.count > capacity { entries.removeAll(keepingCapacity: true) }
            for (id, name) in names { entries[id] = name }
        }
    }

    /// How many names it holds (tests).
    var count: Int { entries.withLock { $0.count } }
}
