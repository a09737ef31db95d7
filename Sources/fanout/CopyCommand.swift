import ArgumentParser
import FanoutCopy
import FanoutPostgres
import FanoutSQLite
import FanoutBootstrap
import Foundation
import Logging

/// `fanout copy`: moving up from one SQLite file to PostgreSQL.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole SQLite database into an empty PostgreSQL database (ids kept), then check every table's row count.")

    @Option(help: "The SQLite database file.")
    var from: String
    @Option(help: "The PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DB (empty; migrated if new).")
    var to: String

    func run() async throws {
        guard case .sqlite(let path) = try location(from, "--from"), FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("--from must be an existing SQLite file, not \(from)")
        }
        guard case .postgres(let url) = try location(to, "--to") else {
            throw CommandFailure("--to must be a postgres:// or postgresql:// URL")
        }
        let source = try AppDatabase(path: path)
        let logger = Logger(label: "fanout")
        let report = try await PostgresAppDatabase.withDatabase(url, logger: logger) { target in
            let report = try await DatabaseCopy(from: source, to: target, logger: logger).run { copied, total in
                ProgressBar(label: "rows", total: total, visible: true).show(copied)
            }
            FileHandle.standardError.write(Data("\n".utf8))
            return report
        }
        let tables = report.rows.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        print(#"{"copied":\#(report.total),"verified":true,"tables":{\#(tables)}}"#)
    }

    private func location(_ text: String, _ option: String) throws -> DatabaseLocation {
        do { return try DatabaseLocation(text) } catch { throw ValidationError("\(option): \(error)") }
    }
}
