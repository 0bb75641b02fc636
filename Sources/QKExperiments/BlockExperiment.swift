import QKGSL
import QKEngine
/// Runs any block work over a plan with the standard seed rule and returns each cell's summary,
/// combined in the canonical ``MergeTree`` order (so byte-identical results for any thread count).
public struct BlockExperiment<Work: BlockWork>: Sendable {
    /// How the work is cut into blocks (the unit of seeding and merging).
    public let plan: BlockPlan
    /// What each block computes.
    public let work: Work
    /// The user's seed.
    public let seed: UInt64
    /// The GSL generator every block draws from.
    public let generator: GeneratorType
    /// The stream its blocks are seeded in (``ExperimentStream``).
    public let stream: Int

    /// An experiment.
    public init(plan: BlockPlan, work: Work, seed: UInt64, generator: GeneratorType, stream: Int) {
        self.plan = plan
        self.work = work
        self.seed = seed
        self.generator = generator
        self.stream = stream
    }

    /// A runner for this experiment on `threads` threads.
    public func runner(threads: Int) -> BlockRunner<Work> {
        BlockRunner(plan: plan, work: work, generator: generator, seeder: BlockSeeder(seed: seed, stream: stream), threads: threads)
    }

    /// Every cell's summary, in cell order.
    public func run(threads: Int, progress: ProgressMeter = .silent) -> [Work.Worker.Summary] {
        let (tree, finished) = runner(threads: threads).run(into: MergeTree(plan: plan), progress: progress)
        precondition(finished && tree.isComplete)
        return tree.cells
    }
}
