#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import FanoutCore
import Foundation
import Synchronization

/// A webhook URL's host resolved once, every address checked against the
/// policy, and the one address the attempt must connect to. The HTTP client
/// is then pinned to that address (`HTTPClient.Configuration.dnsOverride`),
/// so it never looks the name up again: a second DNS answer (a rebinding
/// attack) cannot swap a checked address for an internal one.
struct WebhookDestinationResolver: Sendable {
    let policy: WebhookDestinationPolicy
    /// A host's addresses: the system's resolver (tests give their own answers).
    var lookUp: @Sendable (String) async throws -> [IPAddress] = { try await WebhookDestinationResolver.addresses(of: $0) }

    /// Why an attempt was not made.
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    /// What the client is pinned to: the host as the client reads it from
    /// the URL (`dnsOverride`'s key) and the address it may connect to.
    struct Pinned: Sendable, Equatable {
        var host: String
        var address: IPAddress
    }

    func resolve(_ url: String) async throws -> Pinned {
        // The URL's rules (scheme, no credentials, a port) as at registration:
        // an endpoint stored before a rule existed is held to it too.
        do { _ = try policy.check(url: url) } catch { throw Refused(description: error.description) }
        // The host exactly as AsyncHTTPClient takes it (Foundation's URL,
        // IPv6 brackets trimmed), so that `dnsOverride` matches it.
        guard let parsed = URL(string: url), var host = parsed.host, !host.isEmpty else { throw Refused(description: "url has no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let addresses = try await lookUp(host)
        guard let first = addresses.first else { throw Refused(description: "\(host) resolves to no address") }
        for address in addresses {
            if let reason = policy.refusal(for: address) {
                throw Refused(description: "\(host) resolves to \(address), \(reason): not a webhook destination")
            }
        }
        // AsyncHTTPClient keys the override by the host it would connect to:
        // an IPv6 literal in brackets.
        let key = host.contains(":") ? "[\(host)]" : host
        return Pinned(host: key, address: first)
    }

    /// Every address `getaddrinfo` gives `host` (numeric spellings
    /// included: it reads them as `inet_aton` does). The lookup blocks a
    /// thread and cannot be stopped: when the attempt is cancelled (its
    /// deadline) it stops waiting, and the thread finishes on its own.
    static func addresses(of host: String) async throws -> [IPAddress] {
        let answer = Answer()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                answer.wait(continuation)
                DispatchQueue.global().async { answer.give(Result { try lookUp(host) }) }
            }
        } onCancel: {
            answer.give(.failure(CancellationError()))
        }
    }

    private static func lookUp(_ host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { throw Refused(description: "\(host) does not resolve: \(String(cString: gai_strerror(status)))") }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry = list
        while let info = entry?.pointee {
            defer { entry = info.ai_next }
            guard let socketAddress = info.ai_addr else { continue }
            switch info.ai_family {
            case AF_INET:
                var address = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                if let ip = withUnsafeBytes(of: &address, { IPAddress(bytes: Array($0)) }), !addresses.contains(ip) { addresses.append(ip) }
            case AF_INET6:
                var address = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                if let ip = withUnsafeBytes(of: &address, { IPAddress(bytes: Array($0)) }), !addresses.contains(ip) { addresses.append(ip) }
            default:
                continue
            }
        }
        return addresses
    }

    /// The lookup's result for whichever comes first: the lookup or the cancellation.
    private final class Answer: Sendable {
        private let state = Mutex<(CheckedContinuation<[IPAddress], any Error>?, Result<[IPAddress], any Error>?)>((nil, nil))

        func wait(_ continuation: CheckedContinuation<[IPAddress], any Error>) {
            let ready: Result<[IPAddress], any Error>? = state.withLock { state in
                if let result = state.1 { return result }
                state.0 = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }

        func give(_ result: Result<[IPAddress], any Error>) {
            let waiting: CheckedContinuation<[IPAddress], any Error>? = state.withLock { state in
                if case .some = state.1 { return nil }
                state.1 = result
                defer { state.0 = nil }
                return state.0
            }
            waiting?.resume(with: result)
        }
    }
}
