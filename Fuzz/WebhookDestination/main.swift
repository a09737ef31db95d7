// libFuzzer target: a webhook URL's host, as text or resolved bytes, into an
// address and the policy's verdict. Nothing traps; an address read from text
// reads back the same from its own description; what the sandbox refuses
// the strict policy refuses too; a URL the strict policy takes has a port.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let text = String(decoding: bytes, as: UTF8.self)
    let strict = WebhookDestinationPolicy(allowsPrivate: false), sandbox = WebhookDestinationPolicy(allowsPrivate: true)
    for address in [IPAddress(host: text), IPAddress(bytes: bytes)].compactMap({ $0 }) {
        precondition(IPAddress(host: address.description) == address, "\(address) does not read back")
        if sandbox.refusal(for: address) != nil { precondition(strict.refusal(for: address) != nil, "\(address)") }
    }
    if sandbox.refusal(forHost: text) != nil { precondition(strict.refusal(forHost: text) != nil, "\(text)") }
    if let destination = try? strict.check(url: text) {
        precondition((1...65_535).contains(destination.port) && !destination.host.isEmpty, "\(text)")
        precondition((try? sandbox.check(url: text)) != nil, "\(text): the sandbox refuses what the strict policy takes")
    }
    _ = try? sandbox.check(url: "http://\(text)/")
    return 0
}
