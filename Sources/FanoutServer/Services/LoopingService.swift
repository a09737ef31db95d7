import Logging
import ServiceLifecycle

/// Runs `step` until graceful shutdown, pausing `idleDelay` whenever a step
/// reports nothing done. The scheduler and the fan-out worker run this way:
/// each step is one transaction, so stopping between two loses nothing.
struct LoopingService: Service {
    let name: String
    let idleDelay: Duration
    let logger: Logger
    /// One unit of work; true when it did something (run again at once).
    let step: @Sendable () async throws -> Bool

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await step() { continue }
            } catch {
                // Cancelled: another service failed and the group is tearing
                // down, storage with it; that is not this step's failure.
                if Task.isCancelled { return }
                logger.error("\(name) step failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            // A graceful shutdown ends the nap at once, however long it is.
            let delay = idleDelay
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        }
    }
}
