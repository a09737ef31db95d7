import ArgumentParser
import FanoutCore
import FanoutBootstrap
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
            let key = key
            let revoked = try await withStorage(at: try database.location()) { storage in
                try await OperatorService(storage: storage).revokeKey(key)
            }
            guard revoked > 0 else { throw CommandFailure("No such key") }
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
            let (newOrganization, organization, label) = (newOrganization, organization, label)
            let key = try await withStorage(at: try database.location()) { storage in
                let service = OperatorService(storage: storage)
                return if let newOrganization {
                    try await service.createOrganization(name: newOrganization)
                } else {
                    try await service.createKey(organizationID: organization!, label: label)
                }
            }
            print(#"{"organizationId":\#(key.organizationID),"apiKey":"\#(key.apiKey)"}"#)
        }
    }
}
