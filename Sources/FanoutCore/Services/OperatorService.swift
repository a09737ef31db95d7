/// What an operator does from the CLI: organizations, keys, connections, demo data.
public struct OperatorService: Sendable {
    public struct IssuedKey: Sendable, Equatable {
        public var organizationID: Int64
        public var apiKey: String
    }

    public struct DemoCredentials: Sendable {
        public struct OrganizationCredentials: Sendable {
            public var name: String
            public var apiKey: String
            public var connections: [Connection]
        }
        public var organizations: [OrganizationCredentials]
    }

    let storage: any FanoutStorage

    public init(storage: any FanoutStorage) { self.storage = storage }

    /// A new organization with its first key. The key is shown once, here.
    public func createOrganization(name: String) async throws -> IssuedKey {
        let organization = try await storage.createOrganization(name: name)
        return try await createKey(organizationID: organization.id, label: "initial")
    }

    public func createKey(organizationID: Int64, label: String) async throws -> IssuedKey {
        let secret = APIKeySecret.generate()
        try await storage.addAPIKey(secret.stored(organizationID: organizationID)!, label: label)
        return IssuedKey(organizationID: organizationID, apiKey: secret.value)
    }

    public func createConnection(organizationID: Int64, creatorID: Int64, permissions: Set<Permission>) async throws -> Connection {
        guard try await storage.creatorExists(id: creatorID) else {
            throw FanoutError.badRequest("Unknown creator \(creatorID)", field: "creator")
        }
        let connection = Connection(
            id: Self.newConnectionID(), organizationID: organizationID, creatorID: creatorID, permissions: permissions)
        try await storage.addConnection(connection)
        return connection
    }

    /// Imports `dataset` and issues a key and connections for each of its organizations.
    public func seedDemo(_ dataset: DemoDataset) async throws -> DemoCredentials {
        try await storage.importDemo(dataset)
        var result: [DemoCredentials.OrganizationCredentials] = []
        for plan in dataset.organizations {
            let key = try await createOrganization(name: plan.name)
            var connections: [Connection] = []
            for connection in plan.connections {
                connections.append(try await createConnection(
                    organizationID: key.organizationID, creatorID: connection.creatorID,
                    permissions: connection.permissions))
            }
            result.append(.init(name: plan.name, apiKey: key.apiKey, connections: connections))
        }
        return DemoCredentials(organizations: result)
    }

    static func newConnectionID() -> String {
        var rng = SystemRandomNumberGenerator()
        return "conn_" + String((0..<20).map { _ in APIKeySecret.alphabet.randomElement(using: &rng)! })
    }
}
