/// Where a connection stands, as OFAuth names it. Only `active` answers the
/// API; an invalidated connection is `expired` (kept, listed, refused with
/// `SESSION_EXPIRED`). Fanout never leaves one `awaiting_2fa`: the value is
/// accepted as a filter (it finds nothing).
public enum ConnectionStatus: String, Sendable, CaseIterable, Codable {
    case active
    case expired
    case awaitingTwoFactor = "awaiting_2fa"
}
