import Foundation
import Testing

/// Names the await a stalled test is stuck in. When a run stalls, the
/// watchdog's thread stacks show only idle threads (every task suspended,
/// none saying on what); a phase wrapped here prints one line to stderr
/// once it has gone on for `limit`, with the test's name, then keeps waiting.
public enum StallWatch {
    public static func phase<T>(
        _ phase: String, limit: Duration = .seconds(180), isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T
    ) async rethrows -> T {
        let test = Test.current?.name ?? "?"
        let alarm = Task {
            try await Task.sleep(for: limit)
            FileHandle.standardError.write(Data("== STALL? \(test): \(phase) has not ended after \(limit)\n".utf8))
        }
        defer { alarm.cancel() }
        return try await body()
    }
}
