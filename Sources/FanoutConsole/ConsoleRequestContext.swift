import Hummingbird

/// What the console needs of the application's request context: the
/// client's address, by which failed sign-ins are counted as the API's
/// failed keys are.
public protocol ConsoleRequestContext: RequestContext {
    var clientAddress: String? { get }
}
