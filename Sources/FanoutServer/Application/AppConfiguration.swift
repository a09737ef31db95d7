import FanoutCore
import Logging

/// Everything a deployment sets: where to listen, the database, the rules' windows.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var policy: MessagingPolicy
    public var logLevel: Logger.Level

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String,
        policy: MessagingPolicy = MessagingPolicy(), logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.policy = policy
        self.logLevel = logLevel
    }
}
