import Foundation
import NIOSSL
import PostgresNIO

/// `--database postgres://user:password@host:port/dbname?sslmode=…` (also
/// `postgresql://`), read the way libpq reads it: port 5432 and `prefer`
/// when absent; `require` encrypts without checking the certificate,
/// `verify-ca` checks the chain, `verify-full` the host name too. A host
/// that is a directory (`postgres://user@/dbname?host=/var/run/postgresql`,
/// or percent-encoded in the authority; `port=` as a parameter too) is where the server's Unix socket
/// is, `.s.PGSQL.<port>`: on one machine that spares both sides the TCP
/// stack on every query (no TLS over it, as libpq).
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
            port = components.port ?? 5432
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

    /// The client configuration, with a connect timeout so that an
    /// unreachable server is an error, not a hang.
    public func configuration(connectTimeout: Duration = .seconds(10)) -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS = switch tls {
        case nil: .disable
        case let (configuration, required)?: required ? .require(configuration) : .prefer(configuration)
        }
        var configuration = if let unixSocketPath {
            PostgresClient.Configuration(unixSocketPath: unixSocketPath, username: username, password: password, database: database)
        } else {
            PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: mode)
        }
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// The same for one connection (migrations at start, the first contact).
    public func connectionConfiguration(connectTimeout: Duration = .seconds(10)) throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS = switch tls {
        case nil: .disable
        case let (configuration, required)?:
            required ? .require(try NIOSSLContext(configuration: configuration)) : .prefer(try NIOSSLContext(configuration: configuration))
        }
        var configuration = if let unixSocketPath {
            PostgresConnection.Configuration(unixSocketPath: unixSocketPath, username: username, password: password, database: database)
        } else {
            PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: mode)
        }
        configuration.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
            + connectTimeout.components.attoseconds / 1_000_000_000)
        return configuration
    }

    /// The server's socket when `host` is a directory, as libpq names it.
    public var unixSocketPath: String? {
        host.hasPrefix("/") ? "\(host.hasSuffix("/") ? String(host.dropLast()) : host)/.s.PGSQL.\(port)" : nil
    }

    /// TLS as `sslMode` asks for it (nil: none), and whether it is required.
    private var tls: (TLSConfiguration, required: Bool)? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return nil
        case .allow, .prefer:
            tls.certificateVerification = .none
            return (tls, false)
        case .require:
            tls.certificateVerification = .none
            return (tls, true)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return (tls, true)
        case .verifyFull:
            return (tls, true)
        }
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
