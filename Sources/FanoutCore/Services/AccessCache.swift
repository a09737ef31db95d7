import Synchronization

/// Verified API keys and connections, kept for a few seconds so that a
/// request does not pay two storage trips to authenticate. Keys are held by
/// the SHA-256 of the presented key (never the key itself). A revoked key or
/// a changed connection is seen once its entry expires: within `ttl`.
/// Bounded: when full, expired entries go, and if none had, all of them.
public final class AccessCache: Sendable {
    struct Entry<Value: Sendable>: Sendable {
        var value: Value
        var expires: ContinuousClock.Instant
    }

    struct ConnectionKey: Hashable, Sendable {
        var organizationID: Int64
        var connectionID: String
    }

    struct State: Sendable {
        var organizations: [[UInt8]: Entry<Int64>] = [:]
        var connections: [ConnectionKey: Entry<Connection>] = [:]
    }

    public let ttl: Duration
    public let capacity: Int
    private let state = Mutex(State())

    /// `ttl` zero turns caching off.
    public init(ttl: Duration = .seconds(5), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
    }

    func organization(keyHash: [UInt8]) -> Int64? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.organizations[keyHash], entry.expires > now else { return nil }
            return entry.value
        }
    }

    func remember(organization: Int64, keyHash: [UInt8]) {
        guard ttl > .zero else { return }
        let expires = ContinuousClock.now + ttl
        state.withLock { state in
            Self.makeRoom(&state.organizations, capacity: capacity)
            state.organizations[keyHash] = Entry(value: organization, expires: expires)
        }
    }

    func connection(_ id: String, organizationID: Int64) -> Connection? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.connections[ConnectionKey(organizationID: organizationID, connectionID: id)], entry.expires > now
            else { return nil }
            return entry.value
        }
    }

    func remember(_ connection: Connection) {
        guard ttl > .zero else { return }
        let expires = ContinuousClock.now + ttl
        state.withLock { state in
            Self.makeRoom(&state.connections, capacity: capacity)
            state.connections[ConnectionKey(organizationID: connection.organizationID, connectionID: connection.id)] =
                Entry(value: connection, expires: expires)
        }
    }

    func forget(_ id: String, organizationID: Int64) {
        _ = state.withLock { $0.connections.removeValue(forKey: ConnectionKey(organizationID: organizationID, connectionID: id)) }
    }

    /// How many entries it holds (tests).
    public var count: Int { state.withLock { $0.organizations.count + $0.connections.count } }

    private static func makeRoom<Key, Value>(_ entries: inout [Key: Entry<Value>], capacity: Int) {
        guard entries.count >= capacity else { return }
        let now = ContinuousClock.now
        entries = entries.filter { $0.value.expires > now }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
    }
}
