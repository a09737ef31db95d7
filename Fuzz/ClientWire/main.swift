package import Foundation

// libFuzzer target: what the Swift client reads from a server's answer
// without the generated code's help: dates and money as text (WireValue),
// numbers as counts and money, and the upload plan a server's part-size and
// part-count headers make. No input may trap; money that parses is the
// text's own number; a plan's parts cover the file exactly, in ≤ 10,000 parts.

/// The client's error, as far as WireValue and UploadPlan use it.
struct FanoutClientError: Error {
    var field: String
    static func invalidResponse(field: String, value: String) -> FanoutClientError { FanoutClientError(field: field) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let text = String(decoding: bytes, as: UTF8.self)

    _ = try? WireValue.date(text, field: "date")
    _ = try? WireValue.date(Optional(text), field: "date")
    if let money = try? WireValue.money(text, field: "price") {
        // Only plain decimal text parses, and as itself.
        precondition(text.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        precondition(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) == money)
    }

    // Eight bytes as a Double (any bit pattern: NaN, ±inf, subnormals), eight as Ints.
    func word(_ at: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { value, i in at + i < bytes.count ? value << 8 | UInt64(bytes[at + i]) : value << 8 }
    }
    let number = Double(bitPattern: word(0))
    _ = try? WireValue.money(number, field: "price")
    if let whole = try? WireValue.whole(number, field: "count") { precondition(Double(whole) == number) }

    let size = Int(truncatingIfNeeded: word(0)), advisedSize = Int(truncatingIfNeeded: word(8)), advisedParts = Int(truncatingIfNeeded: word(16))
    let flags = bytes.count > 24 ? bytes[24] : 0
    if let plan = try? UploadPlan(
        size: size, advisedPartSize: flags & 1 == 0 ? advisedSize : nil, advisedParts: flags & 2 == 0 ? advisedParts : nil
    ) {
        precondition(plan.parts >= 1 && plan.parts <= UploadPlan.maxParts && plan.partSize >= 1)
        let last = plan.part(plan.parts)
        precondition(last.length >= 1 && last.offset + last.length == size, "the last part ends the file")
        let first = plan.part(1)
        precondition(first.offset == 0 && first.length == min(plan.partSize, size))
    }
    return 0
}
