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
            .run(into: OrderedFold(plan: design.plan), progress: progress)
        precondition(finished && fold.isComplete)
        return MomentsExperiment.results(of: fold, plan: design.plan)
    }

    /// The per-cell results of a complete fold.
    public static func results(of fold: OrderedFold, plan: BlockPlan) -> [CellResult] {
        zip(plan.cells, fold.cells).map { CellResult(cell: $0, moments: $1) }
    }
}
