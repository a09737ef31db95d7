import Foundation

/// A one-line progress bar on stderr (stdout stays for the command's JSON).
struct ProgressBar: Sendable {
    let label: String
    let total: Int
    let visible: Bool

    func show(_ done: Int) {
        guard visible, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total) \(done * 100 / total)%".utf8))
    }

    func finish() {
        guard visible, total > 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
