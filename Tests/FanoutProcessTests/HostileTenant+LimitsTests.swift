import FanoutTestSupport
import Foundation
import Testing

/// Issue 29, items 9 and 13 against a real `fanout serve`: failed keys are
/// limited per client address (20, then 429 with `Retry-After`, the console's
/// sign-in included, and a right key from that address too: the check comes
/// before the key is looked at); connections are capped and idle ones closed.
@Suite(.serialized) struct HostileTenantLimitsTests {
    @Test(arguments: StorageBackend.available) func twentyWrongKeysLockTheAddressOutAndNoOtherOne(backend: StorageBackend) async throws {
        try await HostileTenantWorld.with(backend) { world in
            let before = try await world.snapshot()
            let port = world.server.port
            var wrong = world.attacker
            wrong["apiKey"] = String(wrong["apiKey"]!.dropLast()) + (wrong["apiKey"]!.hasSuffix("A") ? "B" : "A")
            // Ten on the API, ten on the console's sign-in: one count for the address.
            for attempt in 1...10 {
                #expect(try RawHTTP.send(port: port, "GET", "/v2/access/chats?limit=1", headers: wrong).status == 401, "API failure \(attempt)")
                #expect(try RawHTTP.signIn(port: port, apiKey: wrong["apiKey"]!).status == 401, "sign-in failure \(attempt)")
            }
            for headers in [wrong, world.attacker, world.bystander] {
                let refused = try RawHTTP.send(port: port, "GET", "/v2/access/chats?limit=1", headers: headers)
                #expect(refused.status == 429, "a locked-out address is refused whatever key it sends")
                #expect(refused.body.contains("RATE_LIMIT_EXCEEDED") && refused.headers["retry-after"] != nil)
            }
            #expect(try RawHTTP.send(port: port, "GET", "/webhooks", headers: world.attacker).status == 429)
            #expect(try RawHTTP.send(port: port, "GET", "/sandbox/clock", headers: world.attacker).status == 429)
            let signIn = try RawHTTP.signIn(port: port, apiKey: world.attacker["apiKey"]!)
            #expect(signIn.status == 429 && signIn.headers["set-cookie"] == nil && signIn.body.contains("Too many failed authentications"))

            // Another address is not held back: its right key works, its wrong one is a 401.
            #expect(try RawHTTP.send(port: port, "GET", "/v2/access/chats?limit=1", headers: world.attacker, from: "127.0.0.2").status == 200)
            #expect(try RawHTTP.send(port: port, "GET", "/v2/access/chats?limit=1", headers: wrong, from: "127.0.0.2").status == 401)

            // Retry-After is honest: after it, the address may try again (and the bystander check below passes).
            let seconds = try #require(signIn.headers["retry-after"].flatMap(Int.init))
            #expect((1...3).contains(seconds), "a failure comes back every 3 s (20 a minute)")
            try await Task.sleep(for: .seconds(seconds) + .milliseconds(300))
            #expect(try RawHTTP.send(port: port, "GET", "/v2/access/chats?limit=1", headers: world.attacker).status == 200)
            try await world.expectUnharmed(before)
        }
    }

    @Test func connectionsPastTheCapWaitAndIdleOnesAreClosed() async throws {
        try await HostileTenantWorld.with(.sqlite, arguments: ["--sandbox", "--max-connections", "4", "--idle-timeout", "3"]) { world in
            let before = try await world.snapshot()
            // The test's own HTTP client keeps its connection open: wait for the server to close it.
            try await Task.sleep(for: .seconds(3.5))
            let port = world.server.port
            var held: [RawHTTP.Socket] = []
            defer { for socket in held { socket.close() } }
            for _ in 1...4 {
                let socket = try RawHTTP.Socket(port: port)
                try socket.write("GET /health HTTP/1.1\r\nHost: fanout\r\n\r\n")
                #expect(try socket.readResponse(timeout: 5)?.status == 200, "one of the 4 allowed, served")
                held.append(socket)
            }
            let fifth = try RawHTTP.Socket(port: port)
            defer { fifth.close() }
            try fifth.write("GET /health HTTP/1.1\r\nHost: fanout\r\n\r\n")
            #expect(try fifth.readResponse(timeout: 1.5) == nil, "the fifth waits while 4 are open")

            // Sending nothing, the 4 are closed by the server; then the fifth is served.
            for socket in held { #expect(try socket.readsEndOfStream(within: 5), "an idle connection is closed") }
            #expect(try fifth.readResponse(timeout: 5)?.status == 200, "served once the idle ones are gone")
            let silent = try RawHTTP.Socket(port: port)
            defer { silent.close() }
            #expect(try silent.readsEndOfStream(within: 6), "a connection that never sends a request is closed too")
            try await world.expectUnharmed(before)
        }
    }
}

/// HTTP/1.1 over a bare socket, for what URLSession hides: the source
/// address, headers, and connections held open on purpose.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Lowercased names.
        var headers: [String: String]
        var body: String
    }

    /// One request on its own connection (`Connection: close`), from `source` when given.
    static func send(
        port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: String = "", from source: String? = nil
    ) throws -> Response {
        let socket = try Socket(port: port, from: source)
        defer { socket.close() }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try socket.write(request)
        guard let response = try socket.readResponse(timeout: 10) else { throw RawHTTPError("no answer to \(method) \(path)") }
        return response
    }

    /// The console's sign-in form.
    static func signIn(port: Int, apiKey: String) throws -> Response {
        let value = apiKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? apiKey
        return try send(port: port, "POST", "/console/sign-in", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: "apiKey=\(value)")
    }

    struct RawHTTPError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    final class Socket {
        let fd: Int32
        private var buffer: [UInt8] = []

        init(port: Int, from source: String? = nil) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw RawHTTPError("socket() failed") }
            if let source {
                var local = sockaddr_in()
                local.sin_family = sa_family_t(AF_INET)
                local.sin_addr.s_addr = inet_addr(source)
                let bound = withUnsafePointer(to: &local) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard bound == 0 else { Glibc.close(fd); throw RawHTTPError("cannot bind \(source)") }
            }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { Glibc.close(fd); throw RawHTTPError("cannot connect to port \(port)") }
        }

        func close() { Glibc.close(fd) }

        func write(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { throw RawHTTPError("send failed") }
                sent += count
            }
        }

        /// Bytes within `timeout` seconds: nil on timeout, [] at end of stream.
        private func readSome(timeout: Double) throws -> [UInt8]? {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(timeout * 1000))
            guard ready > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return errno == ECONNRESET ? [] : nil }
            return Array(chunk.prefix(count))
        }

        /// Whether the server closes the connection within `seconds`.
        func readsEndOfStream(within seconds: Double) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                guard let bytes = try readSome(timeout: deadline.timeIntervalSinceNow) else { return false }
                if bytes.isEmpty { return true }
            }
            return false
        }

        /// One response (head, and a body by Content-Length), or nil if none came within `timeout` seconds.
        func readResponse(timeout: Double) throws -> Response? {
            let deadline = Date().addingTimeInterval(timeout)
            func headEnd() -> Int? {
                guard buffer.count >= 4 else { return nil }
                return (0...(buffer.count - 4)).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }
            }
            var closed = false
            while headEnd() == nil, !closed {
                guard let bytes = try readSome(timeout: max(0, deadline.timeIntervalSinceNow)) else { return nil }
                if bytes.isEmpty { closed = true } else { buffer += bytes }
            }
            guard let end = headEnd() else { return nil }
            let lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let parts = lines[0].split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else { throw RawHTTPError("bad status line \(lines[0])") }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            buffer.removeFirst(end + 4)
            let length = headers["content-length"].flatMap(Int.init)
            while !closed, buffer.count < (length ?? Int.max) {
                guard let bytes = try readSome(timeout: max(0, deadline.timeIntervalSinceNow)) else { break }
                if bytes.isEmpty { closed = true } else { buffer += bytes }
            }
            let bodyCount = min(buffer.count, length ?? buffer.count)
            let body = String(decoding: buffer.prefix(bodyCount), as: UTF8.self)
            buffer.removeFirst(bodyCount)
            return Response(status: status, headers: headers, body: body)
        }
    }
}

/// The limits' options refuse what they cannot mean, naming the option, before anything opens.
@Suite struct ServeLimitOptionsTests {
    @Test(arguments: [
        ("--idle-timeout", "0"), ("--idle-timeout", "nan"), ("--idle-timeout", "1e300"), ("--max-connections", "0"),
        ("--max-connections", "-5"), ("--auth-failure-limit", "0"), ("--auth-failure-limit", "lots"),
    ])
    func aBadLimitIsOneLineNamingIt(option: String, value: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-options-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SimulateCommandTests.run(["serve", "--database", path, option, value])
        #expect(result.status != 0)
        #expect(result.stderr.contains(option), "\(option) \(value): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing opened")
    }
}
