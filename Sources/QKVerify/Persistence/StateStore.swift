import Foundation

/// A state file on disk: read if present, saved whole (temporary file and rename), removed when done.
public struct StateStore: Sendable {
    /// Where the state lives.
    public let file: OutputFile

    /// A store at a path; the path must be writable (checked now, before any work).
    public init(path: String, option: String) throws {
        file = try OutputFile(path: path, option: option)
    }

    /// The saved state, or nil when there is none yet.
    public func load() throws -> RunStateFile? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try StateStore.read(file.path)
    }

    /// Reads a state file (a checkpoint or a part) that must exist.
    ///
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when it cannot be read, or what ``RunStateFile``
    ///   finds wrong with it.
    public static func read(_ path: String) throws -> RunStateFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QKVerifyError.io(path: path, reason: "cannot read")
        }
        return try RunStateFile(bytes: Array(data), path: path)
    }

    /// Loads a checkpoint and checks that it belongs to this run.
    ///
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming what differs when it belongs to another.
    public func resume(design: MomentsDesign, selection: BlockSelection) throws -> RunStateFile? {
        guard let state = try load() else { return nil }
        guard state.kind == .checkpoint else {
            throw QKVerifyError.badFile(path: file.path, reason: "a finished shard part, not a checkpoint; give another --checkpoint path")
        }
        if state.design.fingerprint != design.fingerprint {
            let mine = Dictionary(uniqueKeysWithValues: design.fields)
            let differs = state.design.fields.filter { mine[$0.0] != $0.1 }.map { "\($0.0) \($0.1) there, \(mine[$0.0] ?? "?") here" }
            throw QKVerifyError.badFile(path: file.path,
                reason: "a checkpoint of a different design (\(differs.joined(separator: "; "))); rerun with its options, or use another --checkpoint path")
        }
        guard state.selection == selection else {
            throw QKVerifyError.badFile(path: file.path,
                reason: "a checkpoint of shard \(state.selection), not of this run's shard \(selection)")
        }
        return state
    }

    /// Saves a state whole.
    public func save(_ state: RunStateFile) throws {
        try file.write(state.bytes)
    }

    /// Removes the state (after the run it belongs to has written its output).
    public func remove() {
        try? FileManager.default.removeItem(atPath: file.path)
    }
}
