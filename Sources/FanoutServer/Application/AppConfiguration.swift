import FanoutCore
import Logging

/// Everything a deployment sets for the server: where to listen, the rules'
/// windows, limits. Where the data lives is FanoutBootstrap's (`DatabaseLocation`).
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var policy: MessagingPolicy
    public var logLevel: Logger.Level
    /// The scheduler and the fan-out worker. Off in tests that drive them by hand.
    public var runsBackgroundServices: Bool
    /// At most this many recipients in one fan-out transaction.
    public var fanOutBatchSize: Int
    /// The writer-lock time a fan-out batch aims at; batches grow or shrink to it.
    public var fanOutBatchTime: Duration
    /// The sandbox control API (simulated fans, clock). Off in production.
    public var sandboxEnabled: Bool
    /// The web console at `/console`, served only with the sandbox on.
    public var consoleEnabled: Bool
    /// How long a verified key or connection is trusted without asking the
    /// database again; a revoked key stops working within this time.
    public var authCacheTTL: Duration
    /// OFAuth's per-connection limit on /v2/access (60 a minute, bursts of
    /// 90) unless changed; nil turns it off.
    public var rateLimit: RateLimit?
    /// `GET /metrics` (Prometheus text).
    public var metricsEnabled: Bool
    /// Where uploaded files go; nil: next to the SQLite file (`<name>-media`),
    /// and no uploads on PostgreSQL (several instances need one shared folder).
    public var mediaDirectory: String?
    /// The largest file an upload may declare, in bytes.
    public var maxUploadSize: Int
    /// Bytes a creator may hold: stored media plus open uploads' declared sizes.
    public var uploadQuota: Int = UploadAllowance.defaultQuota
    /// How clients reach this server, for the URLs of uploaded media; nil:
    /// `http://<host>:<port>`.
    public var publicURL: String?
    /// A client connection with no request under way for this long is
    /// closed (one that never sends a request too).
    public var idleTimeout: Duration = .seconds(30)
    /// The most client connections open at once; past it, new ones wait in
    /// the listen backlog until one closes (and past the backlog are refused).
    public var maxConnections: Int = 1_024
    /// Failed keys allowed per client address (20, then 20 a minute); nil: unlimited.
    public var authFailureLimit: RateLimit? = AuthFailureLimiter.standard
    /// Webhooks may go to loopback and private addresses even with the
    /// sandbox off (`--allow-private-webhooks`); link-local never.
    public var allowPrivateWebhooks: Bool = false

    /// Where webhooks may go: private addresses with the sandbox on or when allowed.
    public var webhookDestinations: WebhookDestinationPolicy {
        WebhookDestinationPolicy(sandboxEnabled: sandboxEnabled, allowPrivateWebhooks: allowPrivateWebhooks)
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080,
        policy: MessagingPolicy = MessagingPolicy(), logLevel: Logger.Level = .info,
        runsBackgroundServices: Bool = true, fanOutBatchSize: Int = 100_000,
        fanOutBatchTime: Duration = .milliseconds(15), sandboxEnabled: Bool = true, consoleEnabled: Bool = true,
        authCacheTTL: Duration = .seconds(5), rateLimit: RateLimit? = .ofauth, metricsEnabled: Bool = true,
        mediaDirectory: String? = nil, maxUploadSize: Int = UploadService.defaultMaxUploadSize, publicURL: String? = nil
    ) {
        self.host = host
        self.port = port
        self.policy = policy
        self.logLevel = logLevel
        self.runsBackgroundServices = runsBackgroundServices
        self.fanOutBatchSize = fanOutBatchSize
        self.fanOutBatchTime = fanOutBatchTime
        self.sandboxEnabled = sandboxEnabled
        self.consoleEnabled = consoleEnabled
        self.authCacheTTL = authCacheTTL
        self.rateLimit = rateLimit
        self.metricsEnabled = metricsEnabled
        self.mediaDirectory = mediaDirectory
        self.maxUploadSize = maxUploadSize
        self.publicURL = publicURL
    }

    /// What uploaded media's URLs start with (their id follows).
    public var mediaURLPrefix: String {
        var base = publicURL ?? "http://\(host):\(port)"
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/media/"
    }
}
