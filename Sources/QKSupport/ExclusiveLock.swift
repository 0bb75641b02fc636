import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One running qkverify's claim on a path: an exclusive `flock` on a hidden lock file, held until
/// the process ends, and the file unlinked by ``release()`` when the run is done with the path.
///
/// Checkpoints are locked with `.NAME.lock` beside them, a report's directory with `.report.lock`
/// inside it: a second run given the same checkpoint or `--out-dir` is refused before any work
/// instead of mixing its files with the first run's.
package final class ExclusiveLock: Sendable {
    /// The lock file.
    package let path: String
    /// The directory this lock made (to hold its file), removed again on release if still empty.
    private let createdDirectory: String?
    /// Whether ``release()`` has run: a second unlink could remove the lock file of a run that
    /// started after the first.
    private let released = Atomic<Bool>(false)

    /// Takes the lock at `path`, creating its directory if missing.
    ///
    /// - Parameters:
    ///   - option: the option that named what is locked, for messages.
    ///   - inUse: the message (after the option) when another running process holds the lock.
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when the lock file cannot be
    ///   made or another running process holds it.
    package init(path: String, option: String, inUse: String) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let existed = FileManager.default.fileExists(atPath: directory.path)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        createdDirectory = existed ? nil : directory.path
        // Lock, then check that the lock file is still the one at the path (a run that finished may
        // have unlinked it meanwhile); if not, lock the new one.
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                if let createdDirectory { rmdir(createdDirectory) }
                throw QKVerifyError.invalidOption(option, "cannot create the lock \(path) (\(reason)); allowed: a path in a writable directory")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw QKVerifyError.invalidOption(option, inUse)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev { break }
            close(fd)
        }
        // The descriptor stays open, so the lock lasts as long as the process.
    }

    /// Unlinks the lock file (the lock itself ends with the process), and the directory made for it
    /// if nothing else was written there: call when the run is done with the locked path, however
    /// it ends.
    package func release() {
        guard !released.exchange(true, ordering: .relaxed) else { return }
        unlink(path)
        if let createdDirectory { rmdir(createdDirectory) }
    }
}
