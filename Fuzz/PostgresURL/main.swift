// libFuzzer target: `--database postgres://…` (also FANOUT_DATABASE). Any
// text must be a URL or a one-line error, and a URL's port a real port.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for candidate in [text, "postgres://" + text, "postgresql://u@h/d?" + text] {
        do {
            let url = try PostgresURL(candidate)
            precondition((1...65_535).contains(url.port), "port \(url.port)")
            _ = url.redacted
            _ = url.unixSocketPath
        } catch {
            _ = error.description
        }
    }
    return 0
}
