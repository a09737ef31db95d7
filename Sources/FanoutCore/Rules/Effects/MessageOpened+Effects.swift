/// A fan opened a creator's message for the first time.
public struct MessageOpened: Sendable {
    /// The mass message it was delivered from, if any.
    public var massMessageID: Int64?

    public init(massMessageID: Int64?) { self.massMessageID = massMessageID }

    /// A delivery counts one view on its mass message; a direct message changes nothing else.
    public var effects: [WriteEffect] {
        massMessageID.map { [.raise(.viewed, massMessageID: $0)] } ?? []
    }
}
