import Foundation

/// Plays fans for `minutes` simulated minutes ending now, for every creator:
/// replies, opens, purchases and tips at plausible rates, each through the
/// sandbox's rules so that every counter moves as it would live.
public struct FanSimulator: Sendable {
    /// Events per creator per simulated minute (averages).
    public struct Rates: Sendable {
        public var replies = 2.0
        public var opens = 6.0
        public var purchases = 0.6
        public var tips = 0.15
        public init() {}
    }

    public struct Tally: Sendable, Equatable, CustomStringConvertible {
        public var replies = 0, opens = 0, purchases = 0, tips = 0
        public var description: String { "\(replies) replies, \(opens) opens, \(purchases) purchases, \(tips) tips" }

        public init() {}
    }

    let store: any SimulationStore & SandboxStore & DirectMessageStore
    let rates: Rates

    public init(store: any SimulationStore & SandboxStore & DirectMessageStore, rates: Rates = Rates()) {
        self.store = store
        self.rates = rates
    }

    static let replies = ["Thank you!", "Love it", "Can't wait for more", "haha yes", "You're the best", "Good night!", "What's next?"]

    /// Runs the simulation, for every creator or only `creatorIDs`;
    /// `progress` is called after each minute. Stops when its task is cancelled.
    public func run(
        minutes: Int, seed: UInt64, endingAt end: Date, creatorIDs: [Int64]? = nil, progress: (Int, Tally) -> Void = { _, _ in }
    ) async throws -> Tally {
        var rng = SeededGenerator(seed: seed)
        var tally = Tally()
        let clock = ManualClock(end.addingTimeInterval(-Double(minutes) * 60))
        let sandbox = SandboxService(store: store, clock: clock)
        let creators: [Int64]
        if let creatorIDs { creators = creatorIDs } else { creators = try await store.creatorIDs() }
        for minute in 1...max(1, minutes) {
            try Task.checkCancellation()
            for creatorID in creators {
                clock.advance(by: Double.random(in: 0...(60 / Double(max(creators.count, 1))), using: &rng))
                let fans = try await store.activeFanIDs(creatorID: creatorID, limit: 500)
                for _ in 0..<Self.count(rates.replies, &rng) {
                    guard let fan = fans.randomElement(using: &rng) else { break }
                    _ = try await sandbox.fanSends(text: Self.replies.randomElement(using: &rng)!, tip: nil, creatorID: creatorID, fanID: fan)
                    tally.replies += 1
                }
                for _ in 0..<Self.count(rates.tips, &rng) {
                    guard let fan = fans.randomElement(using: &rng) else { break }
                    let amount = Money(cents: Int64([300, 500, 1_000, 2_000].randomElement(using: &rng)!))
                    _ = try await sandbox.fanSends(text: "Tipped $\(amount.decimalString)", tip: amount, creatorID: creatorID, fanID: fan)
                    tally.tips += 1
                }
                let unopened = try await store.unopenedMessages(creatorID: creatorID, limit: 200)
                for (messageID, fanID) in unopened.shuffled(using: &rng).prefix(Self.count(rates.opens, &rng)) {
                    _ = try await sandbox.fanOpens(messageID: messageID, creatorID: creatorID, fanID: fanID)
                    tally.opens += 1
                }
                let purchasable = try await store.purchasableMessages(creatorID: creatorID, limit: 200)
                for (messageID, fanID) in purchasable.shuffled(using: &rng).prefix(Self.count(rates.purchases, &rng)) {
                    _ = try await sandbox.fanBuys(messageID: messageID, creatorID: creatorID, fanID: fanID)
                    tally.purchases += 1
                }
            }
            clock.set(end.addingTimeInterval(-Double(minutes - minute) * 60))
            progress(minute, tally)
        }
        return tally
    }

    /// A whole number of events averaging `rate`.
    static func count(_ rate: Double, _ rng: inout SeededGenerator) -> Int {
        let whole = Int(rate)
        return whole + (Double.random(in: 0..<1, using: &rng) < rate - Double(whole) ? 1 : 0)
    }
}
