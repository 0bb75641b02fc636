/// Merges finished shard parts into the single-machine run's results, refusing any set of parts that
/// is not exactly one design's shards, each once and whole.
public enum ShardMerge {
    /// The design and per-cell results of a set of parts.
    ///
    /// Each cell's blocks are folded in block order, exactly as an unsharded run folds them, so the
    /// table written from the result is byte-identical to the single-machine run's.
    /// - Parameter parts: each part's path (for messages) and contents.
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming the file at fault (a foreign design, a
    ///   duplicate or unfinished shard, a checkpoint), or ``QKVerifyError/invalidOption(_:_:)`` for a
    ///   missing shard.
    public static func merge(_ parts: [(path: String, state: RunStateFile)]) throws -> (design: MomentsDesign, results: [CellResult]) {
        guard let first = parts.first else { throw QKVerifyError.invalidOption("merge", "no parts given; allowed: the part files of every shard") }
        let design = first.state.design
        let shards = first.state.selection.shards
        var byShard: [Int: String] = [:]
        for (path, state) in parts {
            guard state.kind == .part else {
                throw QKVerifyError.badFile(path: path, reason: "a checkpoint of an unfinished run, not a finished shard part; resume it first")
            }
            guard state.design.fingerprint == design.fingerprint else {
                throw QKVerifyError.badFile(path: path, reason: "from a different design (\(state.design.fingerprint)) than \(first.path) (\(design.fingerprint))")
            }
            guard state.selection.shards == shards else {
                throw QKVerifyError.badFile(path: path, reason: "is shard \(state.selection.shard + 1)/\(state.selection.shards), but \(first.path) is one of \(shards)")
            }
            if let other = byShard[state.selection.shard] {
                throw QKVerifyError.badFile(path: path, reason: "shard \(state.selection.shard + 1)/\(shards) is given twice (also \(other))")
            }
            guard state.isComplete else {
                throw QKVerifyError.badFile(path: path, reason: "shard \(state.selection.shard + 1)/\(shards) is incomplete")
            }
            byShard[state.selection.shard] = path
        }
        let missing = (0..<shards).filter { byShard[$0] == nil }.map { "\($0 + 1)/\(shards)" }
        guard missing.isEmpty else {
            throw QKVerifyError.invalidOption("merge", "shard \(missing.joined(separator: ", ")) missing; allowed: one part for each of the \(shards) shards")
        }
        var fold = OrderedFold<StreamingMoments>(plan: design.plan)
        for (_, state) in parts {
            for (g, moments) in state.blocks { fold.accept(design.plan.block(g), moments) }
        }
        precondition(fold.isComplete)
        return (design, MomentsExperiment.results(of: fold, design: design))
    }
}
