import FanoutPostgres
import FanoutTestSupport
import Foundation
import Logging
import Testing

/// A bad option of `fanout serve` is one line naming it, and exit status 1,
/// before anything opens.
@Suite struct ServeOptionsTests {
    @Test func aPostgresConnectionLimitBelowOneIsRefused() throws {
        for value in ["0", "-3", "many"] {
            let result = try SimulateCommandTests.run(["serve", "--database", "postgres://nobody@127.0.0.1:1/none", "--postgres-connections", value])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--postgres-connections"), "\(value): \(result.stderr)")
        }
    }
}

/// A port another process holds is one line naming the address, exit
/// status 1; the background services torn down with the group do not log
/// their storage going away as failures (each loop logged an error).
@Suite struct ServePortInUseTests {
    @Test(arguments: StorageBackend.available) func aPortInUseIsOneLineNamingIt(backend: StorageBackend) async throws {
        let (holder, port) = try Self.listeningSocket()
        defer { close(holder) }
        let result: (status: Int32, stdout: String, stderr: String)
        switch backend {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-port-\(UUID().uuidString).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            result = try SimulateCommandTests.run(["serve", "--database", path, "--port", "\(port)"])
        case .postgres:
            let server = try PostgresURL(try StorageBackend.testClusterURL())
            result = try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: "fanout_port", logger: Logger(label: "fanout.tests")) { database in
                let url = "postgres://\(server.username)@\(server.host):\(server.port)/\(database.url.database!)?sslmode=disable"
                return try SimulateCommandTests.run(["serve", "--database", url, "--port", "\(port)"])
            }
        }
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last == "Error: Cannot listen on 127.0.0.1:\(port): Address already in use", "\(result.stderr)")
        // Above info, only that line (postgres-nio notes its cancelled connection attempts at info).
        #expect(lines.dropLast().allSatisfy { $0.contains(" info ") }, "\(result.stderr)")
    }

    /// A socket listening on a free port of 127.0.0.1, and that port.
    static func listeningSocket() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(fd >= 0 && bound)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
