import FanoutCore
import Foundation

/// The demo's keys as JSON: what `fanout demo` prints, and what `serve --demo`
/// keeps beside the demo database (`FILE.credentials.json`) so it can show them
/// again. Demo keys are sandbox keys for local use only.
enum DemoCredentialsFile {
    static func json(_ credentials: OperatorService.DemoCredentials) throws -> Data {
        let organizations: [[String: Any]] = credentials.organizations.map { organization in
            [
                "name": organization.name,
                "apiKey": organization.apiKey,
                "connections": organization.connections.map { connection in
                    [
                        "id": connection.id,
                        "creatorId": connection.creatorID,
                        "permissions": connection.permissions.sorted().map(\.rawValue),
                    ] as [String: Any]
                },
            ]
        }
        return try JSONSerialization.data(
            withJSONObject: ["organizations": organizations], options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func path(forDatabase database: String) -> String { database + ".credentials.json" }
}
