import FanoutCore
import Testing

/// `BoundedCache`: never more than its capacity; when full, what was read
/// recently stays and what nobody touched goes (not everything at once).
@Suite struct BoundedCacheTests {
    @Test func holdsAtMostItsCapacity() {
        let cache = BoundedCache<Int, String>(capacity: 10)
        for key in 0..<1_000 {
            cache.insert("\(key)", for: key)
            #expect(cache.count <= 10)
        }
        #expect(cache.count > 5, "a full generation stays")
        #expect(cache.value(for: 999) == "999", "the newest stays")
        #expect(cache.value(for: 0) == nil, "the oldest went")
    }

    @Test func aValueReadKeepsItsPlaceWhileUnreadOnesGo() {
        let cache = BoundedCache<Int, Int>(capacity: 8)
        for key in 0..<4 { cache.insert(key, for: key) }
        // Key 0 is read as the rest fill up; keys 1...3 are not.
        for key in 4..<40 {
            #expect(cache.value(for: 0) == 0, "after \(key - 4) inserts")
            cache.insert(key, for: key)
        }
        #expect(cache.value(for: 1) == nil && cache.value(for: 2) == nil && cache.value(for: 3) == nil)
    }

    @Test func fillingUpKeepsTheLatestHalfNotNothing() {
        let cache = BoundedCache<Int, Int>(capacity: 100)
        for key in 0..<100 { cache.insert(key, for: key) }
        cache.insert(100, for: 100)
        let kept = (0...100).filter { cache.value(for: $0) != nil }
        #expect(kept.count == 51)
        #expect(kept.allSatisfy { $0 >= 50 })
    }

    @Test func aNewValueReplacesTheOldOneWhereverItIs() {
        let cache = BoundedCache<Int, String>(capacity: 4)
        cache.insert("a", for: 1)
        cache.insert("b", for: 2)
        cache.insert("c", for: 3)  // 1 and 2 are now the old generation
        cache.insert("A", for: 1)
        #expect(cache.value(for: 1) == "A")
        #expect(cache.count == 3, "no stale copy left behind")
        cache.insert("B", for: 2)
        cache.insert("B2", for: 2)
        #expect(cache.value(for: 2) == "B2")
    }

    @Test func oneLockServesAPageOfReadsAndWrites() {
        let cache = BoundedCache<Int, Int>(capacity: 16)
        let missing = cache.withEntries { entries in
            entries.insert(10, for: 1)
            return [1, 2, 3].filter { entries.value(for: $0) == nil }
        }
        #expect(missing == [2, 3])
    }

    @Test func aCapacityBelowTwoStillHoldsOneValue() {
        let cache = BoundedCache<Int, Int>(capacity: 0)
        cache.insert(1, for: 1)
        #expect(cache.value(for: 1) == 1)
        #expect(cache.capacity == 2)
    }

    @Test func concurrentUseStaysWithinCapacity() async {
        let cache = BoundedCache<Int, Int>(capacity: 64)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for key in 0..<2_000 {
                        cache.insert(key, for: task * 10_000 + key)
                        _ = cache.value(for: task * 10_000 + key / 2)
                    }
                }
            }
        }
        #expect(cache.count <= 64)
    }
}
