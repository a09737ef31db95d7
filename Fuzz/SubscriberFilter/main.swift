// libFuzzer target: `GET /subscribers`' `filter` as a query value (JSON, or
// the Python SDK's dictionary text). It must parse or be a 400 naming
// `filter` or one of its fields, never trap; a parsed range holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let filter = try SubscriberFilter(text: text)
        for range in [filter.tips, filter.totalSpent].compactMap({ $0 }) {
            precondition(range.minimum.cents >= 0 && range.maximum.map { $0.cents >= range.minimum.cents } ?? true, "a bad range was accepted")
        }
    } catch {
        guard case .badRequest(_, let field, _) = error, field == "filter" || field?.hasPrefix("filter.") == true else {
            preconditionFailure("\(error) does not name the filter")
        }
    }
    return 0
}
