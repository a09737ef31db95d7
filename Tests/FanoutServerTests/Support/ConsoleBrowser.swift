import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// A browser's side of the console, through the router: it keeps the
/// session cookie and reads the CSRF token out of the last page's forms.
struct ConsoleBrowser {
    let api: APIClient
    var cookie: String?
    var lastPage = ""

    init(_ api: APIClient) { self.api = api }

    mutating func get(_ path: String) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await keep(api.send(path, method: .get, headers: headers))
    }

    /// A form POST; `csrf` is taken from the last page unless given.
    mutating func post(_ path: String, _ form: [String: String], csrf: String? = nil, origin: String? = nil) async throws -> APIResponse {
        var fields = form
        if let token = csrf ?? Self.csrf(in: lastPage) { fields["csrf"] = token }
        let body = fields.map { "\(Self.encode($0))=\(Self.encode($1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        return try await keep(api.send(path, method: .post, headers: headers, body: ByteBuffer(string: body)))
    }

    /// Signs in with `apiKey` and picks `connection`.
    mutating func signIn(apiKey: String, connection: String) async throws {
        #expect(try await post("/console/sign-in", ["apiKey": apiKey]).status == .seeOther)
        _ = try await get("/console/connections")
        #expect(try await post("/console/connections", ["connectionId": connection]).status == .seeOther)
    }

    var html: String { lastPage }

    private mutating func keep(_ response: APIResponse) -> APIResponse {
        if let set = response.headers[.setCookie], let pair = set.split(separator: ";").first {
            cookie = pair.hasSuffix("=") ? nil : String(pair)
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true { lastPage = String(decoding: response.body, as: UTF8.self) }
        return response
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
