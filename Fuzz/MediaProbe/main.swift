// libFuzzer target: the media probe (JPEG, PNG, GIF, WebP, MP4/MOV, audio)
// on any bytes, read as the upload path reads a file: at offsets, a few at a
// time. Any input must give a probe or nil, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let probe = MediaProbe.probe(size: bytes.count) { offset, wanted in
        precondition(offset >= 0 && wanted >= 0, "the probe asked for a negative offset or count")
        guard offset < bytes.count else { return [] }
        return Array(bytes[offset..<(offset + min(wanted, bytes.count - offset))])
    }
    if let probe {
        precondition(probe.width >= 0 && probe.height >= 0 && probe.width <= Int(Int32.max) && probe.height <= Int(Int32.max))
        precondition(probe.duration.map { $0 >= 0 } ?? true, "a negative duration")
    }
    // The declared content type of an upload is outside text too.
    _ = MediaKind(contentType: String(decoding: bytes.prefix(64), as: UTF8.self))
    return 0
}
