import FanoutAPI

/// `MessageList` with `nextLastId` always present: the contract makes it
/// required and nullable, but the generated encoder leaves nil out. The
/// reference `JSONWriter`'s chat page is compared with.
struct MessageListBody: Encodable {
    let list: Components.Schemas.MessageList

    func encode(to encoder: any Encoder) throws {
        try list.encode(to: encoder)
        if list.nextLastId == nil {
            var container = encoder.container(keyedBy: Components.Schemas.MessageList.CodingKeys.self)
            try container.encodeNil(forKey: .nextLastId)
        }
    }
}
