import ArgumentParser
import FanoutCore
import FanoutSQLite
import Foundation

/// `fanout demo`: writes a realistic, deterministic dataset and prints its keys.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create a database filled with demo data; print its keys as one JSON object.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Seed of the generator: the same seed gives the same data.")
    var seed: UInt64 = 1
    @Flag(help: "A small dataset (for tests).")
    var small = false

    func run() async throws {
        let path = try database.path()
        let credentials = try await Self.create(at: path, seed: seed, small: small)
        FileHandle.standardOutput.write(try DemoCredentialsFile.json(credentials) + Data("\n".utf8))
    }

    static func create(at path: String, seed: UInt64, small: Bool) async throws -> OperatorService.DemoCredentials {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists: demo data goes into a new database file")
        }
        let storage = SQLiteStorage(database: try AppDatabase(path: path))
        var builder = DemoDatasetBuilder(seed: seed, anchor: Date(), size: small ? .small : .standard)
        let credentials = try await OperatorService(storage: storage).seedDemo(builder.build())
        try DemoCredentialsFile.json(credentials).write(to: URL(fileURLWithPath: DemoCredentialsFile.path(forDatabase: path)))
        return credentials
    }
}
