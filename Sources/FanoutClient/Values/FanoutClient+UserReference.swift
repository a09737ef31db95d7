extension FanoutClient {
    /// A user as a message or a chat names them: the id, and the name when
    /// the API gives it there (a message's sender; not a chat's fan).
    public struct UserReference: Sendable, Hashable, Identifiable {
        public var id: Int
        public var name: String?

        public init(id: Int, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }
}
