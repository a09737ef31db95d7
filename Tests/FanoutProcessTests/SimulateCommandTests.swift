import Foundation
import Testing

/// `fanout demo` then `fanout simulate`, as an operator runs them.
@Suite struct SimulateCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
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
