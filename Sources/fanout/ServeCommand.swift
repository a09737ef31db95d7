import ArgumentParser
import NIOCore
import NIOPosix
import FanoutBootstrap
import FanoutCore
import FanoutPostgres
import FanoutServer
import Foundation
import Hummingbird
import Logging

/// `fanout serve`: the HTTP server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the API.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Address to listen on (env FANOUT_HOST).")
    var host: String?
    @Option(help: "Port to listen on (env FANOUT_PORT).")
    var port: Int?
    @Flag(help: "Create a demo database first if there is none (default file fanout-demo.sqlite), print its keys, serve it.")
    var demo = false
    @Option(help: "Seconds after sending during which a mass message can be unsent (env FANOUT_UNSEND_WINDOW).")
    var unsendWindow: Double?
    @Option(help: "At most this many recipients per fan-out transaction (env FANOUT_FANOUT_BATCH_SIZE).")
    var fanOutBatchSize: Int?
    @Option(help: "Milliseconds a fan-out transaction aims to hold the writer; batches grow or shrink to it (env FANOUT_FANOUT_BATCH_TIME).")
    var fanOutBatchTime: Int?
    @Flag(help: "Turn on the sandbox control API (simulated fans, a clock per creator) and the web console (env FANOUT_SANDBOX=on); --demo turns it on too. Off by default: never in production.")
    var sandbox = false
    @Flag(help: "The sandbox off (the default; env FANOUT_SANDBOX=off): every clock is the system clock, whatever the database holds.")
    var noSandbox = false
    @Flag(help: "Turn off the web console at /console (env FANOUT_CONSOLE=off); it is off whenever the sandbox is.")
    var noConsole = false
    @Flag(help: "Let webhooks reach loopback and private addresses with the sandbox off (env FANOUT_ALLOW_PRIVATE_WEBHOOKS=on); link-local and metadata addresses never.")
    var allowPrivateWebhooks = false
    @Option(help: "Seconds a verified API key or connection is trusted before it is read again; a revoked key stops working within this time (env FANOUT_AUTH_CACHE_SECONDS; 0 turns the cache off).")
    var authCacheSeconds: Double?
    @Option(help: "Per-connection limit on /v2/access as REFILL/BURST: requests a minute, and the most at once (env FANOUT_RATE_LIMIT; default 60/90, OFAuth's).")
    var rateLimit: String?
    @Flag(help: "No rate limit (env FANOUT_RATE_LIMIT=off).")
    var noRateLimit = false
    @Flag(help: "No /metrics (env FANOUT_METRICS=off).")
    var noMetrics = false
    @Option(help: "On PostgreSQL, the most connections this instance opens (env FANOUT_POSTGRES_CONNECTIONS; default 20, shared out between its event loops).")
    var postgresConnections: Int?
    @Option(help: "trace, debug, info, notice, warning, error or critical (env FANOUT_LOG_LEVEL).")
    var logLevel: String?
    @Option(help: "Folder for uploaded files (env FANOUT_MEDIA_DIR; default beside the SQLite file, <name>-media; on PostgreSQL uploads need it, one folder shared by every instance).")
    var mediaDir: String?
    @Option(help: "Largest upload in bytes, or with a K, M or G suffix (env FANOUT_MAX_UPLOAD_SIZE; default 512M).")
    var maxUploadSize: String?
    @Option(help: "Bytes each creator may hold in uploaded media and open uploads (their declared sizes), or with a K, M or G suffix (env FANOUT_UPLOAD_QUOTA; default 10G).")
    var uploadQuota: String?
    @Option(help: "How clients reach this server, for the URLs of uploaded media (env FANOUT_PUBLIC_URL; default http://HOST:PORT).")
    var publicURL: String?
    @Option(help: "Seconds a client connection may sit with no request under way before it is closed (env FANOUT_IDLE_TIMEOUT; default 30).")
    var idleTimeout: Double?
    @Option(help: "Most client connections open at once; more wait in the listen backlog until one closes (env FANOUT_MAX_CONNECTIONS; default 1024).")
    var maxConnections: Int?
    @Option(help: "Failed API keys allowed per client address, then that many a minute, or off (env FANOUT_AUTH_FAILURE_LIMIT; default 20). Behind a proxy every client has the proxy's address.")
    var authFailureLimit: String?

    func run() async throws {
        MallocTuning.applyForServer()
        // Swift tasks on the event loops (docs/performance.md); where the hook
        // is refused they stay on Swift's pool, which is correct, only slower.
        if Environment.value("FANOUT_TASKS_ON_EVENT_LOOPS") != "off",
           !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            FileHandle.standardError.write(Data("fanout: Swift tasks stay on Swift's own pool (SwiftNIO refused to take it over)\n".utf8))
        }
        let rateLimit = try resolvedRateLimit()
        let location = try database.location(default: demo ? "fanout-demo.sqlite" : nil)
        if demo { try await showDemo(at: location) }
        var policy = MessagingPolicy()
        if let window = unsendWindow ?? Environment.value("FANOUT_UNSEND_WINDOW").flatMap(Double.init) {
            // Finite and at most a year: windows are added to dates and turned into whole seconds.
            guard window.isFinite, (0...31_536_000).contains(window) else {
                throw ValidationError("--unsend-window (or FANOUT_UNSEND_WINDOW) must be 0 to 31536000 seconds; not \(window)")
            }
            policy.unsendWindow = window
        }
        var configuration = AppConfiguration(
            host: host ?? Environment.value("FANOUT_HOST") ?? "127.0.0.1",
            port: try port ?? Environment.value("FANOUT_PORT").map(parsePort) ?? 8080,
            policy: policy,
            logLevel: (logLevel ?? Environment.value("FANOUT_LOG_LEVEL")).flatMap(Logger.Level.init(rawValue:)) ?? .info,
            fanOutBatchSize: max(1, fanOutBatchSize ?? Environment.value("FANOUT_FANOUT_BATCH_SIZE").flatMap(Int.init) ?? 100_000),
            fanOutBatchTime: .milliseconds(max(1, fanOutBatchTime ?? Environment.value("FANOUT_FANOUT_BATCH_TIME").flatMap(Int.init) ?? 15)),
            sandboxEnabled: try resolvedSandbox(),
            consoleEnabled: !noConsole && Environment.value("FANOUT_CONSOLE") != "off",
            authCacheTTL: .milliseconds(Self.milliseconds(authCacheSeconds ?? Environment.value("FANOUT_AUTH_CACHE_SECONDS").flatMap(Double.init) ?? 5)),
            rateLimit: rateLimit, metricsEnabled: !noMetrics && Environment.value("FANOUT_METRICS") != "off",
            mediaDirectory: mediaDir ?? Environment.value("FANOUT_MEDIA_DIR"), maxUploadSize: try resolvedMaxUploadSize(),
            publicURL: publicURL ?? Environment.value("FANOUT_PUBLIC_URL"))
        try resolveConnectionLimits(into: &configuration)
        configuration.uploadQuota = try resolvedUploadQuota()
        configuration.allowPrivateWebhooks = allowPrivateWebhooks || Environment.value("FANOUT_ALLOW_PRIVATE_WEBHOOKS") == "on"
        let dependencies = try await AppDependencies.live(
            configuration, database: location, postgresConnections: try resolvedPostgresConnections())
        let app = buildApplication(configuration: configuration, dependencies: dependencies)
        do {
            try await app.runService()
        } catch let error as IOError where error.description.hasPrefix("bind(") {
            // Another process has the port, or the address is not this machine's: one line, not NIO's.
            throw CommandFailure("Cannot listen on \(configuration.host):\(configuration.port): \(String(cString: strerror(error.errnoCode)))")
        }
    }

    /// On with `--sandbox` or `--demo` (or FANOUT_SANDBOX=on), off otherwise;
    /// `--no-sandbox` (or FANOUT_SANDBOX=off) wins.
    private func resolvedSandbox() throws -> Bool {
        if sandbox && noSandbox { throw ValidationError("--sandbox and --no-sandbox contradict each other") }
        if noSandbox { return false }
        if sandbox || demo { return true }
        switch Environment.value("FANOUT_SANDBOX") {
        case nil, "off": return false
        case "on": return true
        case let other?: throw ValidationError("FANOUT_SANDBOX must be on or off; not \(other)")
        }
    }

    /// The flag, else the environment, else OFAuth's 60/90; `off` for none.
    private func resolvedRateLimit() throws -> RateLimit? {
        if noRateLimit { return nil }
        guard let text = rateLimit ?? Environment.value("FANOUT_RATE_LIMIT") else { return .ofauth }
        if text == "off" { return nil }
        guard let limit = RateLimit(parsing: text) else {
            throw ValidationError("--rate-limit (or FANOUT_RATE_LIMIT) must be REFILL/BURST, e.g. 60/90 (each 1 to \(RateLimit.largest)), or off; not \(text)")
        }
        return limit
    }

    /// `--idle-timeout`, `--max-connections`, `--auth-failure-limit`: the flag, else the environment, else the default.
    private func resolveConnectionLimits(into configuration: inout AppConfiguration) throws {
        if let text = idleTimeout.map({ String($0) }) ?? Environment.value("FANOUT_IDLE_TIMEOUT") {
            // A day at most: whole milliseconds of it fit any integer.
            guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                throw ValidationError("--idle-timeout (or FANOUT_IDLE_TIMEOUT) must be a number of seconds above 0, at most 86400; not \(text)")
            }
            configuration.idleTimeout = .milliseconds(Int(seconds * 1000))
        }
        if let text = maxConnections.map(String.init) ?? Environment.value("FANOUT_MAX_CONNECTIONS") {
            guard let count = Int(text), count > 0 else {
                throw ValidationError("--max-connections (or FANOUT_MAX_CONNECTIONS) must be a positive number; not \(text)")
            }
            configuration.maxConnections = count
        }
        if let text = authFailureLimit ?? Environment.value("FANOUT_AUTH_FAILURE_LIMIT") {
            if text == "off" {
                configuration.authFailureLimit = nil
            } else {
                guard let count = Int(text), (1...RateLimit.largest).contains(count) else {
                    throw ValidationError("--auth-failure-limit (or FANOUT_AUTH_FAILURE_LIMIT) must be 1 to \(RateLimit.largest), or off; not \(text)")
                }
                configuration.authFailureLimit = RateLimit(perMinute: count, burst: count)
            }
        }
    }

    /// The flag, else the environment, else 10G.
    private func resolvedUploadQuota() throws -> Int {
        guard let text = uploadQuota ?? Environment.value("FANOUT_UPLOAD_QUOTA") else { return UploadAllowance.defaultQuota }
        guard let bytes = ByteSize.parse(text) else {
            throw ValidationError("--upload-quota (or FANOUT_UPLOAD_QUOTA) must be a positive number of bytes, e.g. 10G; not \(text)")
        }
        return bytes
    }

    /// The flag, else the environment, else postgres-nio's 20.
    private func resolvedPostgresConnections() throws -> Int {
        guard let text = postgresConnections.map(String.init) ?? Environment.value("FANOUT_POSTGRES_CONNECTIONS") else {
            return PostgresClients.defaultMaximumConnections
        }
        guard let count = Int(text), count > 0 else {
            throw ValidationError("--postgres-connections (or FANOUT_POSTGRES_CONNECTIONS) must be a positive number; not \(text)")
        }
        return count
    }

    /// Bytes, or a number with K, M or G (binary units).
    private func resolvedMaxUploadSize() throws -> Int {
        guard let text = maxUploadSize ?? Environment.value("FANOUT_MAX_UPLOAD_SIZE") else { return UploadService.defaultMaxUploadSize }
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        guard let number = Int(unit == nil ? text : String(text.dropLast())), number > 0 else {
            throw ValidationError("--max-upload-size (or FANOUT_MAX_UPLOAD_SIZE) must be a positive number of bytes, e.g. 512M; not \(text)")
        }
        // Checked: 9999999999G must be refused, not overflow.
        let (bytes, overflow) = number.multipliedReportingOverflow(by: unit ?? 1)
        guard !overflow else {
            throw ValidationError("--max-upload-size (or FANOUT_MAX_UPLOAD_SIZE) is too large; not \(text)")
        }
        return bytes
    }

    /// Seconds as whole milliseconds within 0…a day (NaN: 0): Int(Double) traps past Int.
    static func milliseconds(_ seconds: Double) -> Int {
        seconds.isNaN ? 0 : Int(min(max(seconds, 0), 86_400) * 1000)
    }

    private func parsePort(_ text: String) throws -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else { throw ValidationError("FANOUT_PORT must be a port number") }
        return port
    }

    /// Creates the demo database on first use; shows its keys every time
    /// (on PostgreSQL, when it creates them: they are kept only in an SQLite demo's folder).
    private func showDemo(at location: DatabaseLocation) async throws {
        guard case .sqlite(let path) = location else {
            let empty = try await withStorage(at: location) { try await $0.isEmpty() }
            guard empty else {
                FileHandle.standardError.write(Data("\(location) has data already; demo keys are shown only when created.\n".utf8))
                return
            }
            FileHandle.standardError.write(Data("Creating demo data in \(location)…\n".utf8))
            let credentials = try await DemoCommand.create(at: location, seed: 1, small: false)
            FileHandle.standardError.write(Data("Demo keys and connections:\n".utf8) + (try DemoCredentialsFile.json(credentials)) + Data("\n".utf8))
            return
        }
        let credentialsPath = DemoCredentialsFile.path(forDatabase: path)
        if !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data("Creating demo database \(path)…\n".utf8))
            _ = try await DemoCommand.create(at: location, seed: 1, small: false)
        }
        guard let data = FileManager.default.contents(atPath: credentialsPath) else {
            FileHandle.standardError.write(Data("No demo credentials beside \(path); keys are shown only when created.\n".utf8))
            return
        }
        FileHandle.standardError.write(Data("Demo keys and connections (also in \(credentialsPath)):\n".utf8) + data + Data("\n".utf8))
    }
}
