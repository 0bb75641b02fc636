import Foundation

/// An output path, checked before any work and written whole or not at all; it never damages what
/// it writes to.
///
/// - A regular file (new or existing) is written to a temporary file in the same directory, flushed
///   to disk and renamed over the path: a crash, a full disk or Ctrl-C never leaves a truncated file,
///   and an existing file is replaced only by a complete new one.
/// - A symbolic link is followed: its final target is replaced that way, and the link stays a link.
/// - `-` is standard output, and an existing device, FIFO or socket (`/dev/null`, `/dev/stdout`, a
///   pipe) is written to directly, never replaced; a failed write (`/dev/full`) is an error.
package struct OutputFile: Sendable, Hashable {
    /// The path as given (`-` for standard output).
    package let path: String
    /// The option that named it, for messages.
    package let option: String

    /// Checks that `path` can be written: not empty, not ending in `/`, not a directory, and either
    /// an existing non-regular file (written to directly) or in a directory (or below the nearest
    /// existing ancestor, where missing directories will be created) that is writable.
    ///
    /// - Parameter allowsStream: whether `-` and non-regular files are allowed (not for a checkpoint,
    ///   which must be read back).
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option`.
    package init(path: String, option: String, allowsStream: Bool = true) throws {
        self.path = path
        self.option = option
        guard !path.isEmpty else {
            throw QKVerifyError.invalidOption(option, "the path is empty; allowed: a file path")
        }
        guard !path.hasSuffix("/") else {
            throw QKVerifyError.invalidOption(option, "'\(path)' ends in '/'; allowed: a file path, not a directory")
        }
        if isStream {
            guard allowsStream else {
                throw QKVerifyError.invalidOption(option, "'\(path)' is not a regular file; allowed: a regular file path (it must be read back)")
            }
            if path != "-", OutputFile.fileType(path) == S_IFSOCK {
                throw QKVerifyError.invalidOption(option, "'\(path)' is a socket, which cannot be opened as a file; allowed: a file, a FIFO, a device or -")
            }
            if path != "-", access(path, W_OK) != 0 {
                throw QKVerifyError.invalidOption(option, "cannot write to '\(path)' (\(String(cString: strerror(errno)))); allowed: a writable file")
            }
            return
        }
        let target = OutputFile.finalTarget(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw QKVerifyError.invalidOption(option, "'\(path)' is a directory; allowed: a file path")
        }
        var ancestor = URL(fileURLWithPath: target).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw QKVerifyError.invalidOption(option, "'\(ancestor.path)' is not a directory; allowed: a path in a writable directory")
        }
        guard access(ancestor.path, W_OK | X_OK) == 0 else {
            throw QKVerifyError.invalidOption(option, "cannot write in '\(ancestor.path)' (permission denied); allowed: a path in a writable directory")
        }
        // access() says yes to root everywhere, also where no file can be made (/sys, /proc):
        // make and remove one, so such a path is refused now rather than after the work.
        let probe = ancestor.appendingPathComponent(".qkverify-probe.\(getpid())").path
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw QKVerifyError.invalidOption(option, "cannot create a file in '\(ancestor.path)' (\(String(cString: strerror(errno)))); allowed: a path in a writable directory")
        }
        close(fd)
        unlink(probe)
    }

    /// Whether the path is standard output or an existing device, FIFO or socket (after links).
    var isStream: Bool {
        path == "-" || [S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK].contains(OutputFile.fileType(path))
    }

    /// The file type bits of what `path` names after links (0 when it does not exist).
    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Opens a stream for writing without blocking in `open`: a FIFO with no reader yet is retried
    /// every 20 ms until one comes, and a signal that ``Interruption`` caught meanwhile ends the wait
    /// (a blocking open restarted after the signal, so a run waiting on a FIFO ignored Ctrl-C).
    ///
    /// - Returns: a blocking descriptor, or -1 with errno set.
    static func openStream(_ path: String) throws -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
                return fd
            }
            guard errno == ENXIO || errno == EINTR else { return -1 }
            if let signal = Interruption.signal { throw QKVerifyError.interrupted(path: path, signal: signal) }
            usleep(20_000)
        }
    }

    /// The file a path finally names: symbolic links followed (also a dangling one, whose target
    /// will be created), up to 40 of them.
    package static func finalTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
                  let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return current
    }

    /// Writes `bytes` whole: directly to a stream, or to a temporary file beside the final target,
    /// flushed, then renamed into place.
    ///
    /// - Throws: ``QKVerifyError/io(path:reason:)`` naming the option and the file; a regular file
    ///   is then untouched.
    package func write(_ bytes: [UInt8]) throws {
        // The message names the option, then the file: "--out: /dev/full: No space left on device".
        let named = "\(option): \(path == "-" ? "standard output" : path)"
        if isStream {
            let fd = path == "-" ? STDOUT_FILENO : try OutputFile.openStream(path)
            guard fd >= 0 else { throw QKVerifyError.io(path: named, reason: String(cString: strerror(errno))) }
            let failure = OutputFile.writeAll(fd, bytes)
            if fd != STDOUT_FILENO { close(fd) }
            if let failure { throw QKVerifyError.io(path: named, reason: failure) }
            return
        }
        let url = URL(fileURLWithPath: OutputFile.finalTarget(path))
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw QKVerifyError.io(path: named, reason: "cannot create directory \(directory.path)")
        }
        OutputFile.removeStaleTemporaries(of: url)
        let temporary = OutputFile.temporary(of: url, pid: getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw QKVerifyError.io(path: named, reason: String(cString: strerror(errno))) }
        var failure = OutputFile.writeAll(fd, bytes)
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw QKVerifyError.io(path: named, reason: failure)
        }
    }

    /// Writes text whole, as UTF-8.
    package func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Writes every byte to a descriptor, retrying on EINTR; the error's text, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// The temporary file a process writes before renaming it to `url`.
    static func temporary(of url: URL, pid: Int32) -> String {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp\(pid)").path
    }

    /// Removes the temporaries of `url` left by processes that no longer exist (killed with -9, say).
    static func removeStaleTemporaries(of url: URL) {
        let prefix = ".\(url.lastPathComponent).tmp"
        let directory = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }
}
