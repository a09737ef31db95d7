import Foundation

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

    /// Revokes a key, named whole or by its public part; how many keys went.
    /// A running server stops accepting it once its auth cache entry expires.
    public func revokeKey(_ keyOrPublicPart: String) async throws -> Int {
        guard let lookupID = APIKeySecret.lookupID(ofKeyOrPublicPart: keyOrPublicPart) else {
            throw FanoutError.badRequest("Not an API key or its public part (sk_sandbox_ and 12 characters)", field: "key")
        }
        return try await storage.revokeAPIKeys(lookupID: lookupID)
    }

    /// A new active connection; its organization's endpoints hear `connection.created`.
    public func createConnection(
        organizationID: Int64, creatorID: Int64, permissions: Set<Permission>, clientReferenceID: String? = nil, at now: Date = Date()
    ) async throws -> Connection {
        guard try await storage.creatorExists(id: creatorID) else {
            throw FanoutError.badRequest("Unknown creator \(creatorID)", field: "creator")
        }
        if let clientReferenceID, clientReferenceID.isEmpty || clientReferenceID.unicodeScalars.count > 200 || clientReferenceID.utf8.contains(0) {
            throw FanoutError.badRequest("A client reference id has 1 to 200 characters", field: "clientReferenceId")
        }
        let connection = Connection(
            id: Self.newConnectionID(), organizationID: organizationID, creatorID: creatorID, permissions: permissions)
        try await storage.addConnection(connection, clientReferenceID: clientReferenceID, at: now)
        return connection
    }

    /// Imports `dataset` and issues a key and connections for each of its
    /// organizations; with `audience`, also that creator and its fans, with an
    /// organization of its own ("Fan-out Studio", every permission).
    public func seedDemo(
        _ dataset: DemoDataset, audience: DemoAudience? = nil, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> DemoCredentials {
        try await storage.importDemo(dataset)
        for note in dataset.subscriberNotes {
            _ = try await storage.updateSubscriberDetail(
                creatorID: note.creatorID, fanID: note.fanID, change: .noticeAndDisplayName(note.notice, note.displayName))
        }
        var organizations = dataset.organizations
        if let audience {
            try await storage.importAudience(audience, progress: progress)
            organizations.append(.init(name: "Fan-out Studio", connections: [
                .init(creatorID: audience.creator.id, permissions: Set(Permission.allCases)),
            ]))
        }
        var result: [DemoCredentials.OrganizationCredentials] = []
        for plan in organizations {
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
