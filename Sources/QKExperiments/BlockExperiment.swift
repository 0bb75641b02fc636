import QKGSL
import QKEngine
/// Runs any block work over a plan with the standard seed rule and returns each cell's summary,
/// combined in the canonical ``MergeTree`` order (so byte-identical results for any thread count).
package struct BlockExperiment<Work: BlockWork>: Sendable {
    /// How the work is cut into blocks (the unit of seeding and merging).
    package let plan: BlockPlan
    /// What each block computes.
    package let work: Work
    /// The user's seed.
    package let seed: UInt64
    /// The GSL generator every block draws from.
    package let generator: GeneratorType
    /// The stream its blocks are seeded in (``ExperimentStream``).
    package let stream: Int

    /// An experiment.
    package init(plan: BlockPlan, work: Work, seed: UInt64, generator: GeneratorType, stream: Int) {
        self.plan = plan
        self.work = work
        self.seed = seed
        self.generator = generator
        self.stream = stream
    }

    /// A runner for this experiment on `threads` threads.
    package func runner(threads: Int) -> BlockRunner<Work> {
        BlockRunner(plan: plan, work: work, generator: generator, seeder: BlockSeeder(seed: seed, stream: stream), threads: threads)
    }

    /// Every cell's summary, in cell order.
    package func run(threads: Int, progress: ProgressMeter = .silent) -> [Work.Worker.Summary] {
        let (tree, finished) = runner(threads: threads).run(into: MergeTree(plan: plan), progress: progress)
        precondition(finished && tree.isComplete)
        return tree.cells
    }
}
