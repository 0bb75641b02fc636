/// Runs a ``MomentsDesign``: draws every cell's samples and returns their summaries in cell order.
public struct MomentsExperiment: Sendable {
    /// The design.
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
    /// - Parameters:
    ///   - progress: shows progress on standard error.
    /// - Complexity: 2 d n Gaussian draws per cell; memory O(threads + cells).
    public func run(progress: ProgressMeter = .silent) -> [CellResult] {
        let (fold, finished) = design.runner(threads: threads)
            .run(into: OrderedFold<StreamingMoments>(plan: design.plan), progress: progress)
        precondition(finished && fold.isComplete)
        return MomentsExperiment.results(of: fold, design: design)
    }

    /// Runs the blocks a fold still needs, until done or told to stop.
    ///
    /// - Parameters:
    ///   - fold: where to start: empty, or restored from a checkpoint.
    ///   - shouldStop: polled between blocks (a signal handler's flag).
    ///   - snapshot: handed a copy of the fold every `snapshotEvery` (to save a checkpoint).
    /// - Returns: the fold reached, and whether it is complete.
    public func run(from fold: OrderedFold<StreamingMoments>, progress: ProgressMeter = .silent,
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    snapshotEvery: Duration = .seconds(30),
                    snapshot: (@Sendable (OrderedFold<StreamingMoments>) -> Void)? = nil) -> (fold: OrderedFold<StreamingMoments>, finished: Bool) {
        let (reached, _) = design.runner(threads: threads).run(
            into: fold, progress: progress, shouldStop: shouldStop, snapshotEvery: snapshotEvery, snapshot: snapshot)
        return (reached, reached.isComplete)
    }

    /// Runs one shard's blocks that `collection` still needs, until done or told to stop.
    public func runShard(_ selection: BlockSelection, from collection: BlockCollection<StreamingMoments>, progress: ProgressMeter = .silent,
                         shouldStop: @escaping @Sendable () -> Bool = { false },
                         snapshotEvery: Duration = .seconds(30),
                         snapshot: (@Sendable (BlockCollection<StreamingMoments>) -> Void)? = nil) -> (blocks: BlockCollection<StreamingMoments>, finished: Bool) {
        let (blocks, finished) = design.runner(threads: threads).run(
            selection, into: collection, progress: progress, shouldStop: shouldStop, snapshotEvery: snapshotEvery, snapshot: snapshot)
        return (blocks, finished)
    }

    /// The per-cell results of a complete fold.
    public static func results(of fold: OrderedFold<StreamingMoments>, design: MomentsDesign) -> [CellResult] {
        zip(design.grid.cells, fold.cells).map { CellResult(cell: $0, moments: $1) }
    }
}
