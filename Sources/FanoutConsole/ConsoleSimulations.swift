import FanoutCore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// `simulate N minutes` started from the console: fans of one creator
/// reply, open, buy and tip, run one simulation at a time in the background
/// (a `Service`: it stops at shutdown), with its progress for the page to
/// poll. Progress is this instance's: behind a load balancer, the page asks
/// the instance that runs it only by chance (documented).
public final class ConsoleSimulations: Service, Sendable {
    struct Progress: Sendable, Equatable {
        var minute: Int
        var minutes: Int
        var tally: FanSimulator.Tally
        var done: Bool
    }

    private struct Job: Sendable {
        var creatorID: Int64
        var minutes: Int
    }

    static let maximumMinutes = 1_440
    private let simulator: FanSimulator
    private let clock: any CreatorClock
    private let logger: Logger
    private let progress = Mutex<[Int64: Progress]>([:])
    private let jobs: AsyncStream<Job>
    private let submit: AsyncStream<Job>.Continuation

    public init(store: any SimulationStore & SandboxStore & DirectMessageStore, clock: any CreatorClock, logger: Logger) {
        simulator = FanSimulator(store: store)
        self.clock = clock
        self.logger = logger
        (jobs, submit) = AsyncStream.makeStream(of: Job.self)
    }

    /// Queues a simulation for the creator; false when one is already queued or running.
    func start(creatorID: Int64, minutes: Int) -> Bool {
        let started = progress.withLock { all in
            if let current = all[creatorID], !current.done { return false }
            all[creatorID] = Progress(minute: 0, minutes: minutes, tally: .init(), done: false)
            return true
        }
        if started { submit.yield(Job(creatorID: creatorID, minutes: minutes)) }
        return started
    }

    func progress(creatorID: Int64) -> Progress? { progress.withLock { $0[creatorID] } }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            for await job in self.jobs {
                let creatorID = job.creatorID
                do {
                    _ = try await self.simulator.run(
                        minutes: job.minutes, seed: UInt64.random(in: 1...UInt64.max), endingAt: self.clock.now(creatorID: creatorID), creatorIDs: [creatorID]
                    ) { minute, tally in
                        self.progress.withLock { $0[creatorID]?.minute = minute; $0[creatorID]?.tally = tally }
                    }
                } catch is CancellationError {
                    return
                } catch {
                    // It ends like a finished one: the page shows how far it got.
                    self.logger.error("console simulation failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                self.progress.withLock { $0[creatorID]?.done = true }
            }
        }
    }
}
