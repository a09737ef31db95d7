import ArgumentParser
import FanoutCore
import FanoutBootstrap
import Foundation

/// `fanout connections create`: connect a creator account to an organization.
struct ConnectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connections", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a connection (conn_…) with permissions.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "Organization id.")
        var organization: Int64
        @Option(help: "The creator's user id.")
        var creator: Int64
        @Option(help: "Register the creator with this name if it is new.")
        var creatorName: String?
        @Option(help: "Comma-separated: \(Permission.allCases.map(\.rawValue).joined(separator: ",")).")
        var permissions: String
        @Option(help: "Your own reference for it, shown as clientReferenceId (1 to 200 characters).")
        var clientReferenceId: String?

        func run() async throws {
            let permissions: Set<Permission>
            do { permissions = try Permission.parseList(self.permissions) } catch {
                throw ValidationError("--permissions: \(error)")
            }
            let (creator, creatorName, organization, reference) = (creator, creatorName, organization, clientReferenceId)
            let connection = try await withStorage(at: try database.location()) { storage in
                if let creatorName {
                    try await storage.addCreator(UserProfile(
                        id: creator, name: creatorName, username: creatorName.lowercased().filter(\.isLetter),
                        avatar: nil, isVerified: false))
                }
                // Its organization's webhook endpoints hear `connection.created` (written with it).
                return try await OperatorService(storage: storage).createConnection(
                    organizationID: organization, creatorID: creator, permissions: permissions, clientReferenceID: reference)
            }
            print(#"{"id":"\#(connection.id)","creatorId":\#(creator),"permissions":[\#(permissions.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ","))]}"#)
        }
    }
}
