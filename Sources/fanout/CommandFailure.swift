/// A command that parsed fine but could not do its work: ArgumentParser
/// prints it as one `Error:` line (no usage text) and exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
