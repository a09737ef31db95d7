import ArgumentParser
import FanoutCore
import FanoutBootstrap
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
    @Option(help: "Also a creator with this many active subscribers, to try fan-outs at scale (its own organization in the output).")
    var fans: Int?

    func validate() throws {
        if let fans, !(1...100_000_000).contains(fans) { throw ValidationError("--fans must be from 1 to 100000000") }
    }

    func run() async throws {
        let credentials = try await Self.create(at: try database.location(), seed: seed, small: small, fans: fans)
        FileHandle.standardOutput.write(try DemoCredentialsFile.json(credentials) + Data("\n".utf8))
    }

    /// Into a new SQLite file, or an empty PostgreSQL database; an SQLite
    /// demo also keeps its keys beside the file (for `serve --demo`).
    static func create(at location: DatabaseLocation, seed: UInt64, small: Bool, fans: Int? = nil) async throws -> OperatorService.DemoCredentials {
        if case .sqlite(let path) = location, FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path) already exists: demo data goes into a new database file")
        }
        let credentials = try await withStorage(at: location) { storage in
            guard try await storage.isEmpty() else {
                throw CommandFailure("\(location) is not empty: demo data goes into a new, empty database")
            }
            let now = Date()
            var builder = DemoDatasetBuilder(seed: seed, anchor: now, size: small ? .small : .standard)
            let audience = fans.map { DemoAudience.demo(fans: $0, since: now.addingTimeInterval(-86_400)) }
            let bar = ProgressBar(label: "fans", total: fans ?? 0, visible: (fans ?? 0) >= 10_000)
            let credentials = try await OperatorService(storage: storage).seedDemo(builder.build(), audience: audience) { bar.show($0) }
            bar.finish()
            return credentials
        }
        if case .sqlite(let path) = location {
            try DemoCredentialsFile.json(credentials).write(to: URL(fileURLWithPath: DemoCredentialsFile.path(forDatabase: path)))
        }
        return credentials
    }
}
