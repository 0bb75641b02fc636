import Foundation

/// Standard output and standard error, written so that neither can crash the process or land in an
/// output file.
///
/// Call ``prepare()`` first thing: a closed descriptor 0, 1 or 2 is reopened on `/dev/null`, so a file
/// the tool opens later can never become "standard error" (and receive messages meant for it), and
/// SIGPIPE is ignored, so a closed pipe is an error code (EPIPE), not death.
package enum StandardStreams {
    nonisolated(unsafe) private static var outputWasClosed = false

    /// Guards descriptors 0-2 and ignores SIGPIPE. Call once, before any file is opened.
    package static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
            if fd == STDOUT_FILENO { outputWasClosed = true }
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// Writes to standard error; a closed or full standard error is ignored (it must never change
    /// the result or the exit status).
    package static func error(_ text: String) {
        _ = OutputFile.writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// Writes to standard output.
    ///
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when standard output was closed or a write fails
    ///   (a full disk, a closed pipe), so the command exits 74 rather than report success.
    package static func output(_ text: String) throws {
        if outputWasClosed { throw QKVerifyError.io(path: "standard output", reason: "closed") }
        if let failure = OutputFile.writeAll(STDOUT_FILENO, Array(text.utf8)) {
            throw QKVerifyError.io(path: "standard output", reason: failure)
        }
    }
}
