/// Reads an MP4/MOV's movie length (`moov/mvhd`) and its first visual
/// track's size (`moov/trak/tkhd`), seeking from box header to box header.
enum MP4Header {
    /// false when a box walked claims less than its header or more than its
    /// parent holds: the file is not an MP4 that can be read.
    static func read(size: Int, read: (Int, Int) throws -> [UInt8], into probe: inout MediaProbe) rethrows -> Bool {
        guard let top = try boxes(in: 0..<size, read: read) else { return false }
        guard let moov = top.first(where: { $0.type == "moov" }) else { return true }
        guard let inside = try boxes(in: moov.content, read: read) else { return false }
        for box in inside {
            if box.type == "mvhd" {
                let content = try read(box.content.lowerBound, 32)
                let version1 = content.first == 1
                let timescale = Bytes.be32(content, version1 ? 20 : 12)
                let duration = version1 ? Bytes.be64(content, 24) : Bytes.be32(content, 16)
                if timescale > 0, duration >= 0 { probe.duration = Double(duration) / Double(timescale) }
            } else if box.type == "trak", probe.width == 0 {
                guard let track = try boxes(in: box.content, read: read) else { return false }
                guard let tkhd = track.first(where: { $0.type == "tkhd" }) else { continue }
                let content = try read(tkhd.content.lowerBound, 96)
                let at = content.first == 1 ? 88 : 76
                probe.width = Bytes.be32(content, at) >> 16
                probe.height = Bytes.be32(content, at + 4) >> 16
            }
        }
        return true
    }

    /// The boxes directly inside `range` (at most 256); nil when one is malformed.
    private static func boxes(in range: Range<Int>, read: (Int, Int) throws -> [UInt8]) rethrows
        -> [(type: String, content: Range<Int>)]? {
        var result: [(type: String, content: Range<Int>)] = []
        var offset = range.lowerBound
        // `offset` stays within the range, so `range.upperBound - offset` (what
        // is left) cannot overflow; a box's size comes from the file and may be
        // anything up to Int.max (or negative: a 64-bit size into the sign bit),
        // so it is compared with what is left, never added to the offset first.
        while result.count < 256, range.upperBound - offset >= 8 {
            let bytes = try read(offset, 16)
            guard bytes.count >= 8 else { break }
            var length = Bytes.be32(bytes, 0), headerLength = 8
            if length == 1 { length = Bytes.be64(bytes, 8); headerLength = 16 } else if length == 0 { length = range.upperBound - offset }
            guard length >= headerLength, length <= range.upperBound - offset else { return nil }
            result.append((String(decoding: bytes[4..<8], as: UTF8.self), (offset + headerLength)..<(offset + length)))
            offset += length
        }
        return result
    }
}
