import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `fanout serve` as a child process, and a minimal HTTP client for it.
final class ServerProcess {
    let process = Process()
    let port: Int
    let baseURL: URL

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

    static func freePort() -> Int { Int.random(in: 20_000...60_000) }

    /// Without a rate limit unless `arguments` set one.
    init(database: String, port: Int = ServerProcess.freePort(), arguments: [String] = []) throws {
        self.port = port
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        process.executableURL = Self.binary
        // No rate limit: these tests poll a fan-out's progress many times a second.
        process.arguments = ["serve", "--database", database, "--port", String(port), "--log-level", "warning"] + (arguments.contains("--rate-limit") ? [] : ["--no-rate-limit"]) + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    func waitUntilHealthy(timeout: Duration = .seconds(30)) async throws {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < timeout {
            if (try? await request("GET", "/health").status) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server did not become healthy")
        throw CancellationError()
    }

    /// SIGKILL: no graceful shutdown, no last transaction.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
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
