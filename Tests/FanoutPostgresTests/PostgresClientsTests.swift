import FanoutPostgres
import FanoutTestSupport
import NIOCore
import NIOPosix
import PostgresNIO
import Testing

/// A storage call made on an event loop gets a connection on that same loop,
/// so the reply wakes the request where it already runs and both loops
/// share the work (one pool had put every connection on one loop).
@Suite(.needsPostgreSQL)
struct PostgresClientsTests {
    @Test func aCallOnAnEventLoopGetsAConnectionOnThatLoop() async throws {
        try await Self.withClients(loops: 3) { clients, group in
            for loop in group.makeIterator() {
                let client = try await loop.submit { clients.current }.get()
                for _ in 0..<3 {
                    let connectionLoop = try await client.withConnection { $0.eventLoop }
                    #expect(connectionLoop === loop)
                }
            }
        }
    }

    @Test func callsFromOutsideTheLoopsTakeEveryPoolInTurn() async throws {
        try await Self.withClients(loops: 2) { clients, _ in
            // Pools, not just loops: one client alone also spreads its connections over the loops.
            let pools = (0..<4).map { _ in ObjectIdentifier(clients.current) }
            #expect(Set(pools).count == 2 && pools[0] != pools[1])
            var loops: [ObjectIdentifier] = []
            for _ in 0..<4 { loops.append(ObjectIdentifier(try await clients.withConnection { $0.eventLoop })) }
            #expect(Set(loops).count == 2)
            #expect(try await clients.query("SELECT 1", logger: TestPostgres.logger).collect().count == 1)
        }
    }

    /// Running clients on a group of `loops` loops of their own, for `body`.
    static func withClients(loops: Int, _ body: (PostgresClients, MultiThreadedEventLoopGroup) async throws -> Void) async throws {
        let url = try PostgresURL(try #require(TestPostgres.url))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: loops)
        let clients = PostgresClients(configuration: url.configuration(), group: group, logger: TestPostgres.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await clients.run() }
            defer { tasks.cancelAll() }
            try await body(clients, group)
        }
        try await group.shutdownGracefully()
    }
}

extension PostgresClientsTests {
    /// An operator sizes each instance's share of `max_connections`: however
    /// many queries wait, the pools never open more than the maximum.
    @Test func theMaximumCapsConnectionsAcrossAllLoops() async throws {
        let url = try PostgresURL(try #require(TestPostgres.url))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let clients = PostgresClients(configuration: url.configuration(), maximumConnections: 4, group: group, logger: TestPostgres.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await clients.run() }
            defer { tasks.cancelAll() }
            let backends = try await withThrowingTaskGroup(of: Int32.self) { queries in
                for _ in 0..<16 {
                    queries.addTask {
                        try await clients.withConnection { connection in
                            try await connection.query("SELECT pg_backend_pid() FROM pg_sleep(0.05)", logger: TestPostgres.logger)
                                .collect()[0].decode(Int32.self)
                        }
                    }
                }
                return try await queries.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(backends.count == 4, "16 waiting queries, 4 connections: \(backends)")
        }
        try await group.shutdownGracefully()
    }
}
