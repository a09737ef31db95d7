import Hummingbird

/// Handles each request with a preference for the task executor of the loop
/// it arrived on (`EventLoopTaskExecutor`): the request's work stays on that
/// loop's thread, and its async calls stop queueing behind each other there.
/// Off the loops (Swift's own pool), requests run as they come.
struct EventLoopExecutorMiddleware: RouterMiddleware {
    let executors: EventLoopTaskExecutors

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        guard let executor = executors.current else { return try await next(request, context) }
        return try await withTaskExecutorPreference(executor) { try await next(request, context) }
    }
}
