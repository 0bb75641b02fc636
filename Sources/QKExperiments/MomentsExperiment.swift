import QKStatistics
import QKEngine
/// Runs a ``MomentsDesign``: draws every cell's samples and returns their summaries in cell order.
public struct MomentsExperiment: Sendable {
    /// The grid, samples, seed, generator and block size it runs.
    public let design: MomentsDesign
    /// Worker threads.
    public let threads: Int

    /// An experiment on `threads` threads (at least 1).
    public init(design: MomentsDesign, threads: Int) {
        self.design = design
        self.threads = threads
    }

    /// Runs every block and returns one result per cell, in the grid's cell order.
    ///
    /// - Complexity: 2 d n Gaussian draws per cell; memory O(threads + cells log blocks).
    package func run(progress: ProgressMeter = .silent) -> [CellResult] {
        let (tree, finished) = run(from: MergeTree(plan: design.plan), progress: progress)
        precondition(finished)
        return MomentsExperiment.results(of: tree, design: design)
    }

    /// Runs the selected blocks a tree does not hold yet, until done or told to stop.
    ///
    /// - Parameters:
    ///   - selection: every block, or one shard's.
    ///   - tree: where to start: empty, or restored from a checkpoint.
    ///   - shouldStop: polled between blocks (a signal handler's flag).
    ///   - snapshot: handed a copy of the tree every `snapshotEvery` (to save a checkpoint).
    /// - Returns: the tree reached, and whether it holds every selected block.
    package func run(_ selection: BlockSelection = .all, from tree: MergeTree<StreamingMoments>,
                    progress: ProgressMeter = .silent,
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    snapshotEvery: Duration = .seconds(30),
                    snapshot: (@Sendable (MergeTree<StreamingMoments>) -> Void)? = nil) -> (tree: MergeTree<StreamingMoments>, finished: Bool) {
        design.experiment.runner(threads: threads).run(
            selection, into: tree, progress: progress, shouldStop: shouldStop, snapshotEvery: snapshotEvery, snapshot: snapshot)
    }

    /// The per-cell results of a complete tree.
    package static func results(of tree: MergeTree<StreamingMoments>, design: MomentsDesign) -> [CellResult] {
        zip(design.grid.cells, tree.cells).map { CellResult(cell: $0, moments: $1) }
    }
}
