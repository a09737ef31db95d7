import FanoutCore
import Testing

@Suite struct APIKeySecretTests {
    @Test func generatedKeysAreSandboxKeysWithALookupID() {
        let a = APIKeySecret.generate()
        let b = APIKeySecret.generate()
        #expect(a.value.hasPrefix("sk_sandbox_"))
        #expect(a.value != b.value)
        #expect(a.lookupID?.count == 12)
        #expect(a.hash.count == 32)
        #expect(a.hash == APIKeySecret(value: a.value).hash)
        #expect(a.stored(organizationID: 3)?.secretHash == a.hash)
    }

    @Test(arguments: ["", "sk_sandbox_", "sk_live_abc", "sk_sandbox_tooShort", String(repeating: "x", count: 55)])
    func malformedKeysHaveNoLookupID(value: String) {
        #expect(APIKeySecret(value: value).lookupID == nil)
    }

    @Test func constantTimeComparison() {
        #expect(APIKeySecret.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!APIKeySecret.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!APIKeySecret.constantTimeEquals([1, 2, 3], [1, 2]))
    }

    @Test func permissionListsParseAndRejectUnknownNames() throws {
        #expect(try Permission.parseList("messages:read, analytics:read") == [.messagesRead, .analyticsRead])
        #expect(throws: FanoutError.self) { try Permission.parseList("messages:read,admin") }
    }
}
