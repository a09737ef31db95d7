import Foundation

/// `--database postgres://user:password@host:port/dbname?sslmode=…` (also
/// `postgresql://`), read the way libpq reads it: port 5432 and `prefer`
/// when absent; `require` encrypts without checking the certificate,
/// `verify-ca` checks the chain, `verify-full` the host name too. A host
/// that is a directory (`postgres://user@/dbname?host=/var/run/postgresql`,
/// or percent-encoded in the authority; `port=` as a parameter too) is where the server's Unix socket
/// is, `.s.PGSQL.<port>`: on one machine that spares both sides the TCP
/// stack on every query (no TLS over it, as libpq). Parsing is Foundation
/// only (fuzzed: `scripts/fuzz postgres-url`); the client configuration is
/// in `PostgresURL+Configuration.swift`.
public struct PostgresURL: Sendable, Equatable {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A name or address, or the directory of a Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var sslMode: SSLMode

    /// Whether `string` names PostgreSQL rather than an SQLite file.
    public static func isPostgres(_ string: String) -> Bool {
        string.hasPrefix("postgres://") || string.hasPrefix("postgresql://")
    }

    public init(_ string: String) throws(PostgresURLError) {
        guard Self.isPostgres(string), let components = URLComponents(string: string) else {
            throw PostgresURLError("not a postgres:// or postgresql:// URL")
        }
        let hostItem = components.queryItems?.first { $0.name == "host" }?.value
        let authorityHost = components.percentEncodedHost.map { $0.removingPercentEncoding ?? $0 }
        guard let host = hostItem ?? authorityHost, !host.isEmpty else { throw PostgresURLError("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError("the URL names no user (postgres://USER@host/db)") }
        self.host = host
        if let item = components.queryItems?.first(where: { $0.name == "port" })?.value {
            guard let port = Int(item), (1...65535).contains(port) else { throw PostgresURLError("port must be a number from 1 to 65535, not \(item)") }
            self.port = port
        } else {
            let port = components.port ?? 5432
            guard (1...65535).contains(port) else { throw PostgresURLError("port must be a number from 1 to 65535, not \(port)") }
            self.port = port
        }
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw PostgresURLError("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(mode)")
        }
        self.sslMode = sslMode
    }

    /// The server's socket when `host` is a directory, as libpq names it.
    public var unixSocketPath: String? {
        host.hasPrefix("/") ? "\(host.hasSuffix("/") ? String(host.dropLast()) : host)/.s.PGSQL.\(port)" : nil
    }

    /// For logs and error messages: never the password.
    public var redacted: String {
        let user = "\(username)\(password == nil ? "" : ":***")"
        return if unixSocketPath != nil {
            "postgres://\(user)@:\(port)/\(database ?? "")?host=\(host)"
        } else {
            "postgres://\(user)@\(host):\(port)/\(database ?? "")?sslmode=\(sslMode.rawValue)"
        }
    }
}

/// Why a database URL cannot be used, in one line.
public struct PostgresURLError: Error, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = "Invalid PostgreSQL URL: \(description)" }
}
