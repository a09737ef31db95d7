import FanoutCore
import HTTPTypes
import Hummingbird

/// Ends a console request with a 303 to `location` (sign in, choose a creator).
struct ConsoleRedirect: Error {
    let location: String
}

/// How the application answers a domain error (its status, and headers such
/// as `Retry-After`): given by the server, so that a console page fails with
/// the status the API's JSON would.
public typealias ConsoleErrorAnswer = @Sendable (FanoutError) -> (status: HTTPResponse.Status, headers: HTTPFields)

/// A request the console refuses outright (a cross-site or token-less form).
struct ConsoleRefusal: Error {
    let status: HTTPResponse.Status
    let message: String
}

/// The console answers in HTML: redirects for a missing session, a page
/// with the message for refusals and for the API's own errors (a missing
/// permission reads as it does in the API's JSON).
struct ConsoleErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: ConsoleRenderer
    let errorAnswer: ConsoleErrorAnswer

    struct Problem {
        var status: Int
        var error: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as ConsoleRedirect {
            return ConsoleRenderer.redirect(to: redirect.location)
        } catch let refusal as ConsoleRefusal {
            return renderer.page("problem", Problem(status: refusal.status.code, error: refusal.message), status: refusal.status)
        } catch let error as FanoutError {
            // The answer's headers too: a rate-limited action says when to retry.
            let answer = errorAnswer(error)
            var page = renderer.page("problem", Problem(status: answer.status.code, error: error.description), status: answer.status)
            page.headers.append(contentsOf: answer.headers)
            return page
        }
    }
}
