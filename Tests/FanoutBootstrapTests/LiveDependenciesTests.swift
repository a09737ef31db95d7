import FanoutBootstrap
import FanoutCore
import FanoutServer
import Foundation
import HummingbirdTesting
import Testing

/// What `fanout serve` builds, in process: the bootstrap opens the database
/// it is named, and the server built on it answers (the console included).
@Suite struct LiveDependenciesTests {
    @Test func aNewSQLiteFileIsCreatedMigratedAndServedWithUploadsBesideIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-bootstrap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("app.sqlite").path
        let configuration = AppConfiguration(runsBackgroundServices: false, rateLimit: nil)

        let dependencies = try await AppDependencies.live(configuration, database: .sqlite(path: path))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(dependencies.media?.files.root.lastPathComponent == "app-media", "uploads go beside the file")
        #expect(try await dependencies.storage.isEmpty(), "migrated, and nothing in it")
        try await buildApplication(configuration: configuration, dependencies: dependencies).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/console/sign-in", method: .get) { #expect($0.status == .ok) }
        }
    }
}
