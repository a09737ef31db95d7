import FanoutConsole

/// The console's routes run in the server's context (its request id, error
/// mapping and client address).
extension FanoutRequestContext: ConsoleRequestContext {}
