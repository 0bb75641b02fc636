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

    /// A store at a path; the path must be a writable regular file path, not a symbolic link
    /// (checked now, before any work), and no other run may be using it: the store holds an
    /// exclusive lock (``ExclusiveLock`` on a hidden `.NAME.lock` beside it) until the process ends.
    ///
    /// A link is refused because a checkpoint is replaced and finally deleted: deleting through a
    /// link removed the link and left its target, and a dangling link made its target's directory.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `option` when the path is a symbolic
    ///   link or cannot be written, or another running process holds its lock.
    package init(path: String, option: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw QKVerifyError.invalidOption(option, "'\(path)' is a symbolic link; allowed: a regular file path (a checkpoint is replaced and deleted, so give the link's target itself)")
        }
        file = try OutputFile(path: path, option: option, allowsStream: false)
        let url = URL(fileURLWithPath: path)
        lock = try ExclusiveLock(path: url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path,
            option: option, inUse: "'\(path)' is in use by another running qkverify; allowed: a checkpoint no other run is using (wait for it, or give another path)")
    }

    /// The hidden lock file beside the checkpoint.
    private let lock: ExclusiveLock

    /// Unlinks the lock file (the lock itself ends with the process): call when the run ends, however
    /// it ends (a refusal after the store was made included); calling again does nothing.
    package func release() {
        lock.release()
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
        try readWithBytes(path).state
    }

    /// Reads a state file that must exist, and keeps its bytes (an audit compares them).
    ///
    /// - Throws: as ``read(_:)``.
    package static func readWithBytes(_ path: String) throws -> (bytes: [UInt8], state: RunStateFile) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QKVerifyError.io(path: path, reason: "cannot read")
        }
        let bytes = Array(data)
        return (bytes, try RunStateFile(bytes: bytes, path: path))
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
