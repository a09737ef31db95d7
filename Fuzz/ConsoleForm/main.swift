// libFuzzer target: the console's form parser and every typed read of it
// (money as tips and prices, dates, ids) on any body. A bad value must be a
// 400 naming its field, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    // As a whole body, and as the value of each field read.
    for form in [ConsoleForm(encoded: text), ConsoleForm(encoded: "tip=\(text)&price=\(text)&scheduledAt=\(text)&media=\(text)")] {
        for name in ["tip", "price"] {
            do {
                if let amount = try form.money(name, maximum: Money(cents: 20_000)) {
                    precondition(amount.cents > 0 && amount.cents <= 20_000, "an amount outside the maximum was accepted")
                }
            } catch {
                guard case .badRequest(_, let field, _) = error, field == name else { preconditionFailure("\(error) does not name \(name)") }
            }
        }
        _ = try? form.date("scheduledAt")
        _ = form.ids("media")
    }
    if let amount = Money(dollars: text) { _ = amount.decimalString }
    return 0
}
