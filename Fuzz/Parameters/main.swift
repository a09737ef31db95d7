// libFuzzer target: query and path parameters and JSON body values, as the
// API reads them (limit, offset, ids, part numbers, dates, booleans, text,
// prices). A bad value must be a 400 naming its field, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    func named(_ name: String, _ read: () throws -> Void) {
        do { try read() } catch {
            guard case .badRequest(_, let field, _)? = error as? FanoutError, field == name || field?.hasPrefix(name + "[") == true else {
                preconditionFailure("\(error) does not name \(name)")
            }
        }
    }
    named("limit") { _ = try ParameterParsing.integer(text, name: "limit", in: 1...100) }
    named("offset") { _ = try ParameterParsing.integer(text, name: "offset", in: 0...Int.max, nullable: true) }
    named("chatId") { _ = try ParameterParsing.id(text, name: "chatId") }
    named("partNumber") { _ = try ParameterParsing.smallInteger(text, name: "partNumber") }
    named("unread") { _ = try ParameterParsing.boolean(text, name: "unread") }
    named("startDate") { _ = try ParameterParsing.date(text, name: "startDate") }
    named("query") { _ = try ParameterParsing.text(text, name: "query", maxLength: 100) }
    // A whole query string, split and decoded as the server reads it.
    for (key, value) in QueryString.fields(Substring(text)) {
        precondition(!key.contains("+") || text.contains("%2B") || text.contains("%2b"), "a plus stayed a plus")
        _ = value
    }
    // JSON values as the decoder gives them: a number (Int or Double), a string, an array.
    var values: [any Sendable] = [text, [text, text] as [(any Sendable)?]]
    if let number = Int(text) { values.append(number); values.append([number] as [(any Sendable)?]) }
    if let number = Double(text) { values.append(number) }
    for value in values {
        named("price") {
            let price = try ParameterParsing.money(value, name: "price", maximum: Money(cents: 20_000))
            precondition(price.cents >= 0 && price.cents <= 20_000, "a price outside the maximum was accepted")
        }
        named("seconds") { _ = try ParameterParsing.integer(value, name: "seconds", minimum: 1) }
        named("fanId") { _ = try ParameterParsing.id(value, name: "fanId") }
        named("userIds") { _ = try ParameterParsing.ids(value, name: "userIds") }
    }
    return 0
}
