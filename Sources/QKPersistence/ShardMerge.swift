import QKSupport
import QKStatistics
import QKEngine
import QKExperiments
/// Merges finished shard parts, refusing any set of parts that is not one design's shards, each once
/// and whole.
///
/// Parts hold complete nodes of the canonical ``MergeTree``; merging inserts them all, in any order,
/// so the result is byte-identical to the unsharded run's, and merging merged parts (a two-level
/// merge for many shards) gives the same bytes again.
package enum ShardMerge {
    /// One part of the union of some parts: they must be parts of one design, cut into the same
    /// number of shards, complete, disjoint, and together a run of consecutive shards.
    ///
    /// - Parameter parts: each part's path (for messages) and contents, in any order.
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming the file at fault (a foreign design, a
    ///   duplicate or unfinished shard, a checkpoint), or ``QKVerifyError/invalid(_:_:)`` for a
    ///   missing shard.
    package static func combine(_ parts: [(path: String, state: RunStateFile)]) throws -> RunStateFile {
        guard let first = parts.first else { throw QKVerifyError.invalid(.parts, "no parts given; allowed: the part files of every shard") }
        let design = first.state.design
        let count = first.state.selection.of
        var owner = [Int: String]()
        for (path, state) in parts {
            guard state.kind == .part else {
                throw QKVerifyError.badFile(path: path, reason: "a checkpoint of an unfinished run, not a finished shard part; resume it first")
            }
            guard state.design.fingerprint == design.fingerprint else {
                throw QKVerifyError.badFile(path: path, reason: "from a different design (\(state.design.fingerprint)) than \(first.path) (\(design.fingerprint))")
            }
            guard state.selection.of == count else {
                throw QKVerifyError.badFile(path: path, reason: "is shard \(state.selection), but \(first.path) is one of \(count)")
            }
            for shard in state.selection.shards {
                if let other = owner[shard] {
                    throw QKVerifyError.badFile(path: path, reason: "shard \(shard + 1)/\(count) is given twice (also \(other))")
                }
                owner[shard] = path
            }
            guard state.isComplete else {
                throw QKVerifyError.badFile(path: path, reason: "shard \(state.selection) is incomplete")
            }
        }
        let lowest = owner.keys.min()!, highest = owner.keys.max()!
        let missing = (lowest...highest).filter { owner[$0] == nil }.map { "\($0 + 1)/\(count)" }
        guard missing.isEmpty else {
            throw QKVerifyError.invalid(.parts, "shard \(missing.joined(separator: ", ")) missing; allowed: parts of consecutive shards")
        }
        var tree = MergeTree<StreamingMoments>(plan: design.plan)
        for (_, state) in parts {
            for (node, moments) in state.tree.nodes { tree.insert(node, moments) }
        }
        return RunStateFile(kind: .part, design: design, selection: BlockSelection(shards: lowest...highest, of: count), tree: tree)
    }

    /// The design and per-cell results of the parts of every shard.
    ///
    /// - Throws: as ``combine(_:)``, and ``QKVerifyError/invalid(_:_:)`` when a shard is missing.
    package static func merge(_ parts: [(path: String, state: RunStateFile)]) throws -> (design: MomentsDesign, results: [CellResult]) {
        let whole = try combine(parts)
        guard whole.selection.isAll else {
            let count = whole.selection.of
            let missing = (0..<count).filter { !whole.selection.shards.contains($0) }
            let shown = missing.prefix(5).map { "\($0 + 1)/\(count)" }.joined(separator: ", ") + (missing.count > 5 ? ", ..." : "")
            throw QKVerifyError.invalid(.parts, "shard \(shown) missing; allowed: one part for each of the \(count) shards (or a merge of some of them into a part)")
        }
        precondition(whole.tree.isComplete)
        return (whole.design, MomentsExperiment.results(of: whole.tree, design: whole.design))
    }
}
