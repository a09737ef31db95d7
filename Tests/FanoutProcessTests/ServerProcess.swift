import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `fanout serve` as a child process, and a minimal HTTP client for it.
///
/// Whatever its test does, the child ends with it: `deinit` SIGKILLs a
/// server still running (a test that failed or threw before `stop()`), and
/// the child's stderr goes to a file of its own, not to the test run's. A
/// child left running with the run's stderr (as before) kept that pipe open,
/// so `swift test` waited forever for its end after the tests had exited:
/// the stalls `scripts/test` describes.
final class ServerProcess {
    let process = Process()
    let port: Int
    let baseURL: URL
    /// The server's stderr (its log at `--log-level warning`), removed with it.
    let log: URL

    /// `.build/<config>/fanout`, beside the test bundle.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["FANOUT_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("fanout")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/fanout")
    }

    /// A port nothing listens on now, below Linux's ephemeral range (32768+),
    /// where the tests' own outgoing connections would otherwise land.
    static func freePort() -> Int {
        while true {
            let port = Int.random(in: 10_000...32_000)
            if canBind(port) { return port }
        }
    }

    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Without a rate limit unless `arguments` set one; with the sandbox
    /// (off by default in `fanout serve`) unless they say `--no-sandbox` or
    /// `sandboxUnlessTold` is false (the command's own default).
    init(database: String, port: Int = ServerProcess.freePort(), arguments: [String] = [], sandboxUnlessTold: Bool = true) throws {
        self.port = port
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        process.executableURL = Self.binary
        // No rate limit: these tests poll a fan-out's progress many times a second.
        let sandbox = !sandboxUnlessTold || arguments.contains { ["--no-sandbox", "--sandbox", "--demo"].contains($0) } ? [] : ["--sandbox"]
        process.arguments = ["serve", "--database", database, "--port", String(port), "--log-level", "warning"]
            + (arguments.contains("--rate-limit") ? [] : ["--no-rate-limit"]) + sandbox + arguments
        process.standardOutput = FileHandle.nullDevice
        log = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-serve-\(port)-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    deinit {
        if process.isRunning { kill() }
        try? FileManager.default.removeItem(at: log)
    }

    /// The end of the server's log, for a failure's message.
    var logTail: String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.isEmpty ? "(its log is empty)" : "its log ends:\n" + text.suffix(2_000)
    }

    func waitUntilHealthy(timeout: Duration = .seconds(30)) async throws {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < timeout {
            if (try? await request("GET", "/health").status) == 200 { return }
            guard process.isRunning else {
                Issue.record("the server exited (status \(process.terminationStatus)) before it became healthy; \(logTail)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server did not become healthy; \(logTail)")
        throw CancellationError()
    }

    /// SIGKILL: no graceful shutdown, no last transaction.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM (a graceful shutdown); SIGKILL if it has not exited within
    /// 15 s, so a hung server fails its test instead of hanging the run.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            Issue.record("the server did not exit within 15 s of SIGTERM")
            kill()
        }
        process.waitUntilExit()
    }

    /// A counter or gauge from `/metrics` (0 when absent).
    func metric(_ name: String) async throws -> Double {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL.absoluteString + "/metrics")!)
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix(name + " ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
    }

    func request(_ method: String, _ path: String, headers: [String: String] = [:], json: [String: Any]? = nil) async throws -> (status: Int, body: [String: Any]) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }
}
