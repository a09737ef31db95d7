import FanoutCore
import Logging
import ServiceLifecycle

/// Runs the fan-out: batch after batch while there is work, a short nap when
/// there is none. Each batch is one transaction, so stopping between two
/// (graceful shutdown, or a crash) loses nothing and repeats nothing.
struct FanOutService: Service {
    let worker: FanOutWorker
    let idleDelay: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await worker.deliverBatch() > 0 { continue }
            } catch {
                logger.error("Fan-out batch failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: idleDelay)
        }
    }
}

/// Starts scheduled mass messages when their date comes (checked every
/// `interval`, against the injected clock).
struct SchedulerService: Service {
    let scheduler: MassMessageScheduler
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await scheduler.tick()
            } catch {
                logger.error("Scheduler tick failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
