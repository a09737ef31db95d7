import ArgumentParser
import FanoutCore
import FanoutBootstrap
import Foundation

/// `fanout simulate`: fans replying, opening, buying and tipping.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play fans for N minutes ending now: replies, opens, purchases and tips at plausible rates.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Simulated minutes (they run at once, timestamped over the last N minutes).")
    var minutes: Int = 10
    @Option(help: "Seed of the choices: the same seed on the same data makes the same events.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...10_080).contains(minutes) else { throw ValidationError("--minutes must be 1 to 10080 (a week)") }
    }

    func run() async throws {
        let minutes = minutes, seed = seed
        let tally = try await withStorage(at: try database.location()) { storage in
            try await FanSimulator(store: storage).run(minutes: minutes, seed: seed, endingAt: Date()) { minute, tally in
                FileHandle.standardError.write(Data("\rminute \(minute)/\(minutes): \(tally)".utf8))
            }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        print(#"{"minutes":\#(minutes),"replies":\#(tally.replies),"opens":\#(tally.opens),"purchases":\#(tally.purchases),"tips":\#(tally.tips)}"#)
    }
}
