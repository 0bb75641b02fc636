import Foundation

/// An output path, checked before any work and written whole or not at all.
///
/// Writing goes to a temporary file in the same directory, which is flushed to disk and then renamed
/// over the path: a crash, a full disk or Ctrl-C never leaves a truncated file, and an existing file
/// is replaced only by a complete new one.
public struct OutputFile: Sendable, Hashable {
    /// The path as given.
    public let path: String
    /// The option that named it, for messages.
    public let option: String

    /// Checks that `path` can be written: it is not a directory, and its directory (or the nearest
    /// existing ancestor, where missing directories will be created) is a writable directory.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option`.
    public init(path: String, option: String) throws {
        self.path = path
        self.option = option
        guard !path.isEmpty else {
            throw QKVerifyError.invalidOption(option, "the path is empty; allowed: a file path")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw QKVerifyError.invalidOption(option, "'\(path)' is a directory; allowed: a file path")
            }
        }
        var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw QKVerifyError.invalidOption(option, "'\(ancestor.path)' is not a directory; allowed: a path in a writable directory")
        }
        guard access(ancestor.path, W_OK | X_OK) == 0 else {
            throw QKVerifyError.invalidOption(option, "cannot write in '\(ancestor.path)' (permission denied); allowed: a path in a writable directory")
        }
    }

    /// Writes `bytes` whole: to a temporary file beside the path, flushed, then renamed into place.
    ///
    /// - Throws: ``QKVerifyError/io(path:reason:)``; the path is then untouched.
    public func write(_ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw QKVerifyError.io(path: path, reason: "cannot create directory \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp\(getpid())").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw QKVerifyError.io(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw QKVerifyError.io(path: path, reason: failure)
        }
    }

    /// Writes text whole, as UTF-8.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}
