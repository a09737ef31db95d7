import Synchronization

/// A cache of at most `capacity` values, safe to share between tasks. It
/// keeps two generations of up to `capacity / 2` entries each: new entries
/// go into the young one; when that is full it becomes the old one and the
/// previous old one is dropped. A value read from the old generation moves
/// back into the young one, so what is in use stays and only what no read
/// touched for a generation goes: an LRU's choice, approximately, for two
/// dictionary probes on a read instead of a list to keep in order.
///
/// The caller decides what may be cached and when a value is stale (a
/// change count in the value, say); the cache only bounds memory.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let state: Mutex<Entries>
    /// At most this many values are kept.
    public let capacity: Int

    /// `capacity` below 2 counts as 2 (one per generation).
    public init(capacity: Int) {
        let generation = max(1, capacity / 2)
        self.capacity = generation * 2
        state = Mutex(Entries(generation: generation))
    }

    /// One lock for any number of reads and writes, as a page needs.
    @inlinable
    public func withEntries<Result>(_ body: (inout Entries) throws -> Result) rethrows -> Result {
        try state.withLock { try body(&$0) }
    }

    @inlinable
    public func value(for key: Key) -> Value? { state.withLock { $0.value(for: key) } }

    @inlinable
    public func insert(_ value: Value, for key: Key) { state.withLock { $0.insert(value, for: key) } }

    /// How many values it holds.
    public var count: Int { state.withLock { $0.count } }

    /// The two generations, inside the lock.
    public struct Entries: Sendable {
        @usableFromInline var young: [Key: Value] = [:]
        @usableFromInline var old: [Key: Value] = [:]
        @usableFromInline let generation: Int

        @usableFromInline init(generation: Int) { self.generation = generation }

        public var count: Int { young.count + old.count }

        /// The value for `key`; one found in the old generation moves to the young.
        @inlinable
        public mutating func value(for key: Key) -> Value? {
            if let value = young[key] { return value }
            guard let value = old.removeValue(forKey: key) else { return nil }
            store(value, for: key)
            return value
        }

        @inlinable
        public mutating func insert(_ value: Value, for key: Key) {
            if young[key] == nil { old.removeValue(forKey: key) }
            store(value, for: key)
        }

        /// Forgets `key` in both generations.
        @inlinable
        public mutating func remove(_ key: Key) {
            young.removeValue(forKey: key)
            old.removeValue(forKey: key)
        }

        @inlinable
        mutating func store(_ value: Value, for key: Key) {
            if young.count >= generation, young[key] == nil {
                old = young
                young = Dictionary(minimumCapacity: generation)
            }
            young[key] = value
        }
    }
}
