import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGKILL the server while a part is streaming in, start it again: nothing
/// of that upload is visible (no vault media, no ETag match), and the upload
/// goes on once the part is sent again.
@Suite struct KilledUploadTests {
    @Test func aServerKilledMidPartLeavesNothingVisible() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("up.sqlite").path
        let media = directory.appendingPathComponent("media")
        let demo = try SimulateCommandTests.run(["demo", "--database", path, "--small"])
        let credentials = try #require(try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any])
        let organization = try #require((credentials["organizations"] as? [[String: Any]])?.first)
        let connection = try #require((organization["connections"] as? [[String: Any]])?.first)
        let headers = ["apiKey": organization["apiKey"] as! String, "x-connection-id": connection["id"] as! String]

        var server = try ServerProcess(database: path, arguments: ["--media-dir", media.path])
        try await server.waitUntilHealthy()
        let vaultBefore = try await Self.vaultCount(server, headers)
        let size = 8 << 20
        let started = try await server.request("POST", "/v2/access/uploads/init", headers: headers, json: [
            "filename": "cut.png", "size": size, "contentType": "image/png",
        ])
        let id = try #require(started.body["mediaUploadId"] as? String)

        // A part of 8 MB announced, 1 MB sent, then the server dies.
        let socket = try Self.connect(port: server.port)
        defer { close(socket) }
        var head = "PUT /v2/access/uploads/\(id)/parts/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(size)\r\n\r\n"
        let first = Array(head.utf8) + [UInt8](repeating: 0x42, count: 1 << 20)
        #expect(first.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) } == first.count)
        let folder = media.appendingPathComponent("uploads").appendingPathComponent(id)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline,
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains(where: { $0.hasSuffix(".tmp") }) != true {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix(".tmp") },
                "the part was being written when the kill landed")
        server.kill()

        server = try ServerProcess(database: path, arguments: ["--media-dir", media.path])
        defer { server.stop() }
        try await server.waitUntilHealthy()
        #expect(try await Self.vaultCount(server, headers) == vaultBefore)
        let complete = try await server.request("POST", "/v2/access/uploads/complete", headers: headers, json: ["mediaUploadId": id])
        #expect(complete.status == 400 && (complete.body["details"] as? [String: Any])?["field"] as? String == "partNumber",
                "no part 1 was recorded")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains("1.part"), "only a temporary name, never a part: \(files)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == ["uploads"], "no file in any creator's folder")
    }

    static func vaultCount(_ server: ServerProcess, _ headers: [String: String]) async throws -> Int {
        var count = 0
        while true {
            let page = try await server.request("GET", "/v2/access/vault/media?limit=100&offset=\(count)", headers: headers).body
            count += (page["list"] as? [Any])?.count ?? 0
            guard page["hasMore"] as? Bool == true else { return count }
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        return fd
    }
}
