import Foundation

/// What simulated fans do. Each call is one transaction that also moves every
/// counter the event touches (unread counts, tips and spend on the chat;
/// viewed and purchased counts on a mass message).
public protocol SandboxStore: Sendable {
    /// The fan writes to the creator (a tip when `tip` is set).
    func fanSendsMessage(creatorID: Int64, fanID: Int64, text: String, tip: Money?, at now: Date) async throws -> ChatMessage
    /// The fan opens a message of the creator; false if it was already open.
    func fanOpensMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool
    /// The fan buys a paid message of the creator; false if already bought.
    func fanBuysMessage(id: Int64, creatorID: Int64, fanID: Int64, at now: Date) async throws -> Bool
    /// The organizations with a connection to the creator (who share its clock).
    func organizationIDs(connectedToCreator creatorID: Int64) async throws -> [Int64]
}
