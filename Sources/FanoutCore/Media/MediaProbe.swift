/// What a file's first bytes say it is: its kind, its real content type and,
/// for pictures and MP4/MOV video, its size in pixels (and a video's length).
public struct MediaProbe: Sendable, Equatable {
    public var kind: MediaKind
    public var contentType: String
    public var width: Int
    public var height: Int
    /// Seconds, from an MP4/MOV's movie header.
    public var duration: Double?

    public init(kind: MediaKind, contentType: String, width: Int = 0, height: Int = 0, duration: Double? = nil) {
        self.kind = kind
        self.contentType = contentType
        self.width = width
        self.height = height
        self.duration = duration
    }

    /// The formats recognised, for error messages.
    public static let formats = "JPEG, PNG, WebP, GIF, MP4/MOV, WebM, MP3, M4A, Ogg, FLAC or WAV"

    /// Probes a file of `size` bytes through `read(offset, count)`, which
    /// returns at most `count` bytes from `offset`. Reads headers only: a few
    /// KB for pictures, box headers for MP4 (its `moov` may sit at the end).
    public static func probe(size: Int, read: (Int, Int) throws -> [UInt8]) rethrows -> MediaProbe? {
        guard size >= 12, var probe = try sniff(size: size, read: read) else { return nil }
        // Pixel sizes are kept as 32-bit integers (PostgreSQL's `integer`): a
        // header claiming more (PNG allows 2^32 - 1) is not believed.
        let pixels = 0...Int(Int32.max)
        if !pixels.contains(probe.width) || !pixels.contains(probe.height) { (probe.width, probe.height) = (0, 0) }
        return probe
    }

    private static func sniff(size: Int, read: (Int, Int) throws -> [UInt8]) rethrows -> MediaProbe? {
        let head = try read(0, min(size, 64))
        func ascii(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool { Array(bytes) == Array(text.utf8) }
        guard head.count >= 12 else { return nil }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), head.count >= 24 {
            return MediaProbe(kind: .photo, contentType: "image/png", width: Bytes.be32(head, 16), height: Bytes.be32(head, 20))
        }
        if ascii(head[0..<6], "GIF87a") || ascii(head[0..<6], "GIF89a") {
            return MediaProbe(kind: .gif, contentType: "image/gif", width: Bytes.le16(head, 6), height: Bytes.le16(head, 8))
        }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            let (width, height) = try jpegSize(size: size, read: read) ?? (0, 0)
            return MediaProbe(kind: .photo, contentType: "image/jpeg", width: width, height: height)
        }
        if ascii(head[0..<4], "RIFF") && ascii(head[8..<12], "WEBP") {
            let (width, height) = webpSize(head) ?? (0, 0)
            return MediaProbe(kind: .photo, contentType: "image/webp", width: width, height: height)
        }
        if ascii(head[0..<4], "RIFF") && ascii(head[8..<12], "WAVE") { return MediaProbe(kind: .audio, contentType: "audio/wav") }
        if ascii(head[4..<8], "ftyp") {
            if ascii(head[8..<12], "M4A ") || ascii(head[8..<12], "M4B ") { return MediaProbe(kind: .audio, contentType: "audio/mp4") }
            var probe = MediaProbe(kind: .video, contentType: ascii(head[8..<12], "qt  ") ? "video/quicktime" : "video/mp4")
            return try MP4Header.read(size: size, read: read, into: &probe) ? probe : nil
        }
        if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return MediaProbe(kind: .video, contentType: "video/webm") }
        if ascii(head[0..<3], "ID3") || (head[0] == 0xFF && head[1] & 0xE0 == 0xE0) {
            return MediaProbe(kind: .audio, contentType: "audio/mpeg")
        }
        if ascii(head[0..<4], "OggS") { return MediaProbe(kind: .audio, contentType: "audio/ogg") }
        if ascii(head[0..<4], "fLaC") { return MediaProbe(kind: .audio, contentType: "audio/flac") }
        return nil
    }

    /// The first start-of-frame segment's size, walking the segments from the top.
    private static func jpegSize(size: Int, read: (Int, Int) throws -> [UInt8]) rethrows -> (Int, Int)? {
        var offset = 2
        for _ in 0..<512 where offset + 4 <= size {
            let segment = try read(offset, 9)
            guard segment.count >= 4, segment[0] == 0xFF else { return nil }
            let marker = segment[1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard segment.count >= 9 else { return nil }
                return (Bytes.be16(segment, 7), Bytes.be16(segment, 5))
            }
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image, start of scan: no frame header before
            offset += 2 + Bytes.be16(segment, 2)
        }
        return nil
    }

    /// VP8X (extended), VP8 (lossy) or VP8L (lossless) headers.
    private static func webpSize(_ head: [UInt8]) -> (Int, Int)? {
        guard head.count >= 30 else { return nil }
        switch String(decoding: head[12..<16], as: UTF8.self) {
        case "VP8X": return (Bytes.le24(head, 24) + 1, Bytes.le24(head, 27) + 1)
        case "VP8 ": return (Bytes.le16(head, 26) & 0x3FFF, Bytes.le16(head, 28) & 0x3FFF)
        case "VP8L":
            let bits = UInt32(head[21]) | UInt32(head[22]) << 8 | UInt32(head[23]) << 16 | UInt32(head[24]) << 24
            return (Int(bits & 0x3FFF) + 1, Int((bits >> 14) & 0x3FFF) + 1)
        default: return nil
        }
    }
}

/// Big- and little-endian integers at an offset (0 past the end).
enum Bytes {
    static func be16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : 0 }
    static func be32(_ b: [UInt8], _ i: Int) -> Int { i + 4 <= b.count ? be16(b, i) << 16 | be16(b, i + 2) : 0 }
    static func be64(_ b: [UInt8], _ i: Int) -> Int { i + 8 <= b.count ? be32(b, i) << 32 | be32(b, i + 4) : 0 }
    static func le16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    static func le24(_ b: [UInt8], _ i: Int) -> Int { i + 3 <= b.count ? le16(b, i) | Int(b[i + 2]) << 16 : 0 }
}
