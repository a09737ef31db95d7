import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// The sandbox page: the clock of the connection's creator (read, advance) and the organization's
/// recent webhook deliveries.
extension ConsoleController {
    func registerSandbox(on routes: RouteCollection<Context>) {
        routes.get("sandbox", use: sandboxPage)
        routes.post("sandbox/clock", use: advanceClock)
        routes.post("sandbox/simulation", use: simulate)
        routes.get("sandbox/simulation", use: simulation)
    }

    @Sendable func sandboxPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        return try await sandboxPage(session, connection)
    }

    @Sendable func advanceClock(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        do {
            guard let minutes = form["minutes"].flatMap(Int.init), minutes > 0 else {
                throw FanoutError.badRequest("minutes must be a whole number above 0", field: "minutes")
            }
            try await sandbox.advanceClock(creatorID: connection.creatorID, organizationID: session.organizationID, by: TimeInterval(minutes) * 60)
            return ConsoleRenderer.redirect(to: "/console/sandbox")
        } catch let error as FanoutError {
            return try await sandboxPage(session, connection, clockError: error.description, status: errorAnswer(error).status)
        }
    }

    /// Starts `simulate N minutes` for the session's creator.
    @Sendable func simulate(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        guard let minutes = form["simulateMinutes"].flatMap(Int.init), (1...ConsoleSimulations.maximumMinutes).contains(minutes) else {
            return try await sandboxPage(
                session, connection, simulateError: "minutes must be a whole number from 1 to \(ConsoleSimulations.maximumMinutes)",
                status: .badRequest)
        }
        guard simulations.start(creatorID: connection.creatorID, minutes: minutes) else {
            return try await sandboxPage(session, connection, simulateError: "A simulation is already running", status: .conflict)
        }
        return ConsoleRenderer.redirect(to: "/console/sandbox")
    }

    /// The running (or last) simulation's progress, as the progress bars poll it.
    @Sendable func simulation(_ request: Request, context: Context) async throws -> Response {
        let (_, connection) = try await working(request)
        guard let progress = simulations.progress(creatorID: connection.creatorID) else {
            throw FanoutError.notFound("No simulation has run for this creator")
        }
        let tally = progress.tally
        let json = #"{"total":\#(progress.minutes),"pending":\#(progress.minutes - progress.minute),"isDone":\#(progress.done),"#
            + #""replies":\#(tally.replies),"opens":\#(tally.opens),"purchases":\#(tally.purchases),"tips":\#(tally.tips)}"#
        return ConsoleRenderer.json(json)
    }

    private func sandboxPage(
        _ session: ConsoleSession, _ connection: Connection, clockError: String? = nil, simulateError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var endpoints: [ConsoleViews.EndpointItem] = []
        for endpoint in try await webhooks.endpoints(organizationID: session.organizationID) {
            let deliveries = try await webhooks.deliveries(
                endpointID: endpoint.id, organizationID: session.organizationID, page: PageRequest(limit: 10, offset: 0))
            endpoints.append(ConsoleViews.endpoint(endpoint, deliveries: deliveries.items))
        }
        let now = clock.now(creatorID: connection.creatorID)
        return renderer.page("sandbox", ConsoleViews.Sandbox(
            now: ConsoleViews.time(now), nowISO: Timestamp.string(now), endpoints: endpoints, clockError: clockError,
            simulation: simulations.progress(creatorID: connection.creatorID).map(ConsoleViews.simulation), simulateError: simulateError,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, sandbox: true)), status: status)
    }
}
