import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// One connection pool per event loop, each connection on its pool's loop.
/// A call takes the pool of the loop it runs on, so the query's reply wakes
/// the task on the loop it was already on. (One `PostgresClient` opens every
/// connection on whichever loop its run task sits on, so all replies, and the
/// rest of each request after its query, ran on that one loop: the server
/// used one core of two.) Run it (a `Service`) before use.
public final class PostgresClients: Service, Sendable {
    private let clients: [PostgresClient]
    /// Each loop's pool, by the loop's identity.
    private let byLoop: [ObjectIdentifier: Int]
    /// Turns for calls from outside the group (tests, commands not on a loop).
    private let turn = Atomic<Int>(0)

    /// postgres-nio's default for one pool.
    public static let defaultMaximumConnections = 20

    /// `maximumConnections` is the total, shared out between the loops (at
    /// least one each).
    public init(
        configuration: PostgresClient.Configuration, maximumConnections: Int = defaultMaximumConnections,
        group: MultiThreadedEventLoopGroup = .singleton, logger: Logger
    ) {
        let loops = Array(group.makeIterator())
        var configuration = configuration
        configuration.options.maximumConnections = max(1, maximumConnections / loops.count)
        configuration.options.minimumConnections = min(configuration.options.minimumConnections, configuration.options.maximumConnections)
        clients = loops.map { PostgresClient(configuration: configuration, eventLoopGroup: $0, backgroundLogger: logger) }
        byLoop = Dictionary(uniqueKeysWithValues: loops.enumerated().map { (ObjectIdentifier($1), $0) })
    }

    /// The pool of the calling task's event loop; in turn when it is on none of them.
    public var current: PostgresClient {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop, let index = byLoop[ObjectIdentifier(loop)] {
            return clients[index]
        }
        return clients[turn.add(1, ordering: .relaxed).newValue % clients.count]
    }

    public func run() async {
        await withDiscardingTaskGroup { group in
            for client in clients { group.addTask { await client.run() } }
        }
    }

    public func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await current.withConnection(body)
    }

    public func withTransaction<T: Sendable>(logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await current.withTransaction(logger: logger) { try await body($0) }
    }

    @discardableResult
    public func query(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await current.query(query, logger: logger)
    }
}
