#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator settings for a long-running server. By default glibc
/// hands memory back to the kernel as soon as a freed chunk of 64 KiB or more
/// leaves enough free space at the top of a thread's arena (`madvise`, then
/// page faults when it is used again), and it maps and unmaps every block of
/// 128 KiB or more. A read page's JSON body (30–40 KiB, grown by doubling)
/// crosses that line on every request: `perf` put 12% of the chats list's
/// CPU time in `madvise`, TLB shootdowns and the page faults after them.
/// Keeping up to 16 MiB free per arena, and mapping only blocks of 4 MiB or
/// more, takes it to 0.1%, for memory kept rather than returned (peak RSS
/// under `scripts/bench`'s reads: 59 → 69 MiB).
/// (`mallopt` is looked up at run time: `<malloc.h>` is not in Swift's
/// Glibc module.)
enum MallocTuning {
    static func applyForServer() {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-1, 16 << 20)  // M_TRIM_THRESHOLD
        _ = mallopt(-3, 4 << 20)  // M_MMAP_THRESHOLD
        #endif
    }
}
