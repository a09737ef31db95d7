import FanoutCore
import Logging

/// Everything a deployment sets: where to listen, the database, the rules' windows.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var policy: MessagingPolicy
    public var logLevel: Logger.Level
    /// The scheduler and the fan-out worker. Off in tests that drive them by hand.
    public var runsBackgroundServices: Bool
    public var fanOutBatchSize: Int
    /// The sandbox control API (simulated fans, clock). Off in production.
    public var sandboxEnabled: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String,
        policy: MessagingPolicy = MessagingPolicy(), logLevel: Logger.Level = .info,
        runsBackgroundServices: Bool = true, fanOutBatchSize: Int = 1_000, sandboxEnabled: Bool = true
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.policy = policy
        self.logLevel = logLevel
        self.runsBackgroundServices = runsBackgroundServices
        self.fanOutBatchSize = fanOutBatchSize
        self.sandboxEnabled = sandboxEnabled
    }
}
