import Foundation
import NIOSSL
import PostgresNIO

/// `--database postgres://user:password@host:port/dbname?sslmode=…` (also
/// `postgresql://`), read the way libpq reads it: port 5432 and `prefer`
/// when absent; `require` encrypts without checking the certificate,
/// `verify-ca` checks the chain, `verify-full` the host name too.
public struct PostgresURL: Sendable, Equatable {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

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
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError("the URL names no user (postgres://USER@host/db)") }
        self.host = host
        port = components.port ?? 5432
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
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
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
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
            + connectTimeout.components.attoseconds / 1_000_000_000)
        return configuration
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
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database ?? "")?sslmode=\(sslMode.rawValue)"
    }
}

/// Why a database URL cannot be used, in one line.
public struct PostgresURLError: Error, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = "Invalid PostgreSQL URL: \(description)" }
}
