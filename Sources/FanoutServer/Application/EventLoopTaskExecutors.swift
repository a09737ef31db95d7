import NIOCore
import NIOPosix

/// Runs a task's jobs on one event loop, as a task executor.
///
/// `fanout serve` runs Swift's tasks on SwiftNIO's event loops, and NIO runs
/// each job as if on the loop's own serial executor: then every entry into a
/// nonisolated async function (which hops to the generic executor) was a trip
/// through the loop's queue, some 270 per chat page on PostgreSQL (each row of
/// postgres-nio's async row sequence took about ten). A job run on a task
/// executor runs on the generic executor, so for a task that prefers this
/// executor those hops go on inline, on the same thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// One `EventLoopTaskExecutor` per loop of a group, found by the loop a caller runs on.
struct EventLoopTaskExecutors: Sendable {
    private let executors: [ObjectIdentifier: EventLoopTaskExecutor]

    init(group: MultiThreadedEventLoopGroup = .singleton) {
        executors = Dictionary(uniqueKeysWithValues: group.makeIterator().map { (ObjectIdentifier($0), EventLoopTaskExecutor(loop: $0)) })
    }

    /// The executor of the loop the caller runs on; nil off the group's loops.
    var current: EventLoopTaskExecutor? {
        MultiThreadedEventLoopGroup.currentEventLoop.flatMap { executors[ObjectIdentifier($0)] }
    }
}
