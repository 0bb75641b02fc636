import Foundation
#if canImport(Glibc)
import Glibc
import QKSupport
import QKEngine
import QKExperiments
#endif

/// A state file on disk: read if present, saved whole (temporary file and rename), removed when done.
package struct StateStore: Sendable {
    /// Where the state lives.
    package let file: OutputFile

    /// A store at a path; the path must be a writable regular file path (checked now, before any
    /// work), and no other run may be using it: the store holds an exclusive lock (`flock` on a
    /// hidden `.NAME.lock` beside it) until the process ends.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when the path cannot be
    ///   written or another running process holds its lock.
    package init(path: String, option: String) throws {
        file = try OutputFile(path: path, option: option, allowsStream: false)
        let target = URL(fileURLWithPath: OutputFile.finalTarget(path))
        let directory = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        lockPath = directory.appendingPathComponent(".\(target.lastPathComponent).lock").path
        // Lock, then check that the lock file is still the one at the path (a run that finished may
        // have unlinked it meanwhile); if not, lock the new one.
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw QKVerifyError.invalidOption(option, "cannot create the lock \(lockPath) (\(String(cString: strerror(errno)))); allowed: a path in a writable directory")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw QKVerifyError.invalidOption(option, "'\(path)' is in use by another running qkverify; allowed: a checkpoint no other run is using (wait for it, or give another path)")
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev { break }
            close(fd)
        }
        // The descriptor stays open, so the lock lasts as long as the process; ``release()`` unlinks it.
    }

    /// The hidden lock file beside the checkpoint.
    private let lockPath: String

    /// Unlinks the lock file (the lock itself ends with the process): call when the run ends.
    package func release() {
        unlink(lockPath)
    }

    /// The saved state, or nil when there is none yet.
    func load() throws -> RunStateFile? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try StateStore.read(file.path)
    }

    /// Reads a state file (a checkpoint or a part) that must exist.
    ///
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when it cannot be read, or what ``RunStateFile``
    ///   finds wrong with it.
    package static func read(_ path: String) throws -> RunStateFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QKVerifyError.io(path: path, reason: "cannot read")
        }
        return try RunStateFile(bytes: Array(data), path: path)
    }

    /// Loads a checkpoint and checks that it belongs to this run.
    ///
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming what differs when it belongs to another.
    package func resume(design: MomentsDesign, selection: BlockSelection) throws -> RunStateFile? {
        guard let state = try load() else { return nil }
        guard state.kind == .checkpoint else {
            throw QKVerifyError.badFile(path: file.path, reason: "a finished shard part, not a checkpoint; give another checkpoint path")
        }
        if state.design.fingerprint != design.fingerprint {
            let mine = Dictionary(uniqueKeysWithValues: design.fields)
            let differs = state.design.fields.filter { mine[$0.0] != $0.1 }.map { "\($0.0) \($0.1) there, \(mine[$0.0] ?? "?") here" }
            throw QKVerifyError.badFile(path: file.path,
                reason: "a checkpoint of a different design (\(differs.joined(separator: "; "))); rerun with its options, or use another checkpoint path")
        }
        guard state.selection == selection else {
            throw QKVerifyError.badFile(path: file.path,
                reason: "a checkpoint of shard \(state.selection), not of this run's shard \(selection)")
        }
        return state
    }

    /// Saves a state whole.
    package func save(_ state: RunStateFile) throws {
        try file.write(state.bytes)
    }

    /// Removes the state (after the run it belongs to has written its output).
    package func remove() {
        try? FileManager.default.removeItem(atPath: file.path)
        release()
    }
}
