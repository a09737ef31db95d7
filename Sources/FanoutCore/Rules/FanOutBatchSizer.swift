/// How many recipients the next fan-out batch takes. Each batch is one write
/// transaction, so it holds SQLite's single writer for as long as it runs: the
/// sizer grows batches while they finish under `target` and shrinks them when
/// they overrun it, so a large fan-out runs in few transactions and a direct
/// message never waits much longer than `target` behind one.
public struct FanOutBatchSizer: Sendable, Equatable {
    public let minimum: Int
    public let maximum: Int
    public let target: Duration
    public private(set) var current: Int

    /// Starts at `initial` (kept within 1…`maximum`) and stays within
    /// `minimum`…`maximum`; `minimum == maximum` fixes the size.
    public init(initial: Int, minimum: Int? = nil, maximum: Int, target: Duration) {
        self.maximum = max(1, maximum)
        self.minimum = min(self.maximum, max(1, minimum ?? min(initial, 100)))
        self.target = target
        current = min(self.maximum, max(self.minimum, initial))
    }

    /// A fixed batch size.
    public static func fixed(_ size: Int) -> FanOutBatchSizer {
        FanOutBatchSizer(initial: size, minimum: size, maximum: size, target: .seconds(1))
    }

    /// Learns from a batch of `size` recipients that took `elapsed`. A batch
    /// smaller than asked (the last one) says nothing about the next.
    public mutating func record(size: Int, elapsed: Duration) {
        guard size >= current, elapsed > .zero else { return }
        // At most double or halve at a time: one slow batch (a checkpoint,
        // a busy core) must not collapse the size.
        let factor = Swift.min(2, Swift.max(0.5, target / elapsed))
        current = Swift.min(maximum, Swift.max(minimum, Int(Double(current) * factor)))
    }
}
