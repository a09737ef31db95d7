import Foundation
import Testing

/// `fanout demo` then `fanout simulate`, as an operator runs them.
@Suite struct SimulateCommandTests {
    /// `fanout ARGUMENTS` to its end, its output through files (two pipes
    /// read one after the other deadlock once the second fills); SIGKILLed
    /// with a recorded issue after `timeout`, so a command that never ends
    /// fails its test instead of holding the run.
    static func run(_ arguments: [String], timeout: Duration = .seconds(300)) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning {
            Issue.record("fanout \(arguments.joined(separator: " ")) did not end within \(timeout)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test func simulatePrintsProgressAndATally() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-sim-\(UUID().uuidString).sqlite").path
        #expect(try Self.run(["demo", "--database", path, "--small"]).status == 0)
        let result = try Self.run(["simulate", "--database", path, "--minutes", "3"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("minute 3/3"))
        let tally = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Int])
        #expect(tally["minutes"] == 3 && (tally["replies"] ?? 0) > 0)
        #expect(try Self.run(["simulate", "--database", path, "--minutes", "0"]).status != 0)
    }
}
