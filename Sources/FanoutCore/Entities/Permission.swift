/// What a connection may do. The raw values are OFAuth's permission names.
public enum Permission: String, CaseIterable, Sendable, Codable, Comparable {
    case messagesRead = "messages:read"
    case messagesWrite = "messages:write"
    case listsRead = "lists:read"
    case listsWrite = "lists:write"
    case analyticsRead = "analytics:read"
    case vaultRead = "vault:read"
    case vaultWrite = "vault:write"
    case subscribersRead = "subscribers:read"
    case subscribersWrite = "subscribers:write"
    case earningsRead = "earnings:read"
    case profileRead = "profile:read"
    case profileWrite = "profile:write"
    case usersWrite = "users:write"

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a comma- or space-separated list; unknown names are reported.
    public static func parseList(_ text: String) throws(FanoutError) -> Set<Permission> {
        var result = Set<Permission>()
        for name in text.split(whereSeparator: { $0 == "," || $0 == " " }) where !name.isEmpty {
            guard let permission = Permission(rawValue: String(name)) else {
                throw .badRequest(
                    "Unknown permission '\(name)'", field: "permissions",
                    allowed: Permission.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result.insert(permission)
        }
        return result
    }
}
