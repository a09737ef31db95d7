import Foundation

/// A condition on chat messages written once for both kinds of row, a
/// `message` (alias `m`, its mass message `mm`) and a delivery no fan acted
/// on yet (`mass_delivery` `d`): `$id`, `$text`, `$opened_at` and
/// `$mass_message_id` stand for the columns of the kind at hand. (A
/// delivery is unopened: test `$opened_at` with `IS [NOT] NULL` only.)
public struct MessageCondition: Sendable {
    public var template: String

    public init(_ template: String) { self.template = template }

    public var onMessage: String {
        substitute(["$id": "m.id", "$text": "COALESCE(m.text, mm.text, '')", "$opened_at": "m.opened_at", "$mass_message_id": "m.mass_message_id"])
    }

    public var onDelivery: String {
        substitute(["$id": "d.message_id", "$text": "mm.text", "$opened_at": "NULL", "$mass_message_id": "d.mass_message_id"])
    }

    private func substitute(_ columns: [String: String]) -> String {
        // Longest token first, so that no token replaces part of a longer one.
        columns.keys.sorted { $0.count > $1.count }.reduce(template) { $0.replacingOccurrences(of: $1, with: columns[$1]!) }
    }
}
