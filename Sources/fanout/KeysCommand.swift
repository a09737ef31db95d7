import ArgumentParser
import FanoutCore
import FanoutSQLite
import Foundation

/// `fanout keys create|revoke`: issue a key for a new or an existing organization, or revoke one.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", subcommands: [Create.self, Revoke.self])

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API key, named whole or by its public part (sk_sandbox_ and the next 12 characters).")

        @OptionGroup var database: DatabaseOption
        @Option(help: "The key, or its first 23 characters.")
        var key: String

        func run() async throws {
            let service = OperatorService(storage: SQLiteStorage(database: try AppDatabase(path: try database.path())))
            let revoked = try await service.revokeKey(key)
            guard revoked > 0 else { throw ValidationError("No such key") }
            print(#"{"revoked":\#(revoked)}"#)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API key. It is printed once; only its hash is stored.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "Existing organization id.")
        var organization: Int64?
        @Option(help: "Create a new organization with this name.")
        var newOrganization: String?
        @Option(help: "A label for the key.")
        var label = "cli"

        func validate() throws {
            guard (organization == nil) != (newOrganization == nil) else {
                throw ValidationError("Give exactly one of --organization ID or --new-organization NAME")
            }
        }

        func run() async throws {
            let service = OperatorService(storage: SQLiteStorage(database: try AppDatabase(path: try database.path())))
            let key = if let newOrganization {
                try await service.createOrganization(name: newOrganization)
            } else {
                try await service.createKey(organizationID: organization!, label: label)
            }
            print(#"{"organizationId":\#(key.organizationID),"apiKey":"\#(key.apiKey)"}"#)
        }
    }
}
