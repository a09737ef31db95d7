import NIOCore
import NIOPosix
import Testing

@testable import FanoutServer

/// A request handled with its loop's task executor stays on that loop's
/// thread through its awaits, and its async calls run there in turn.
struct EventLoopTaskExecutorTests {
    @Test func aTaskPreferringALoopsExecutorRunsOnThatLoopThroughItsAwaits() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let executors = EventLoopTaskExecutors(group: group)
        for loop in group.makeIterator() {
            let executor = try #require(try await loop.submit { executors.current }.get())
            #expect(executor.loop === loop)
            let seen = await withTaskExecutorPreference(executor) {
                var seen: [ObjectIdentifier?] = []
                for _ in 0..<3 {
                    seen.append(Self.currentLoop())
                    await Task.yield()
                    seen.append(await Self.nonisolatedHop())
                    // A continuation resumed from another thread comes back to the loop too.
                    _ = try? await loop.next().scheduleTask(in: .milliseconds(1)) { () }.futureResult.get()
                    seen.append(Self.currentLoop())
                }
                return seen
            }
            #expect(seen.allSatisfy { $0 == ObjectIdentifier(loop) }, "\(seen)")
        }
        #expect(executors.current == nil, "a test's own task runs on none of the loops")
        try await group.shutdownGracefully()
    }

    static func currentLoop() -> ObjectIdentifier? { MultiThreadedEventLoopGroup.currentEventLoop.map(ObjectIdentifier.init) }

    static func nonisolatedHop() async -> ObjectIdentifier? { currentLoop() }
}
