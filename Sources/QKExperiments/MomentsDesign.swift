import QKSupport
import QKGSL
import QKModel
import QKEngine
import QKSampling
/// Everything that decides a moments run's numbers: the grid, sample count, seed, generator and
/// block size. Two runs with equal designs give bit-identical results, whatever their thread count.
public struct MomentsDesign: Sendable, Hashable {
    /// The fewest samples per cell allowed: below it the normal approximation of the variance's
    /// z-statistic is not trustworthy at small d (see the README, "Why z is normal").
    public static let minSamples = 10_000
    /// The most samples per cell allowed.
    public static let maxSamples = 1_000_000_000_000_000
    /// The samples per cell allowed.
    package static let allowedSamples = AllowedRange(minSamples...maxSamples,
        "a whole number from 10000 to 10^15 (below 10^4 the z-tests are not reliable)")
    /// The samples per block allowed.
    package static let allowedBlockSize = AllowedRange(1...Int(Int32.max), "a whole number of samples from 1 to 2^31-1")

    /// The cells: dimensions, laws, means, spreads, correlations and normalizations.
    public let grid: Grid
    /// Samples of T per cell.
    public let samples: Int
    /// The user's seed.
    public let seed: UInt64
    /// The GSL generator.
    public let generator: GeneratorType
    /// Samples per block, or nil for the default per-d size (``BlockPlan/defaultBlockSamples(d:)``).
    public let blockSamples: Int?
    /// The blocks this design cuts the work into.
    package let plan: BlockPlan
    /// The stream its blocks are seeded in (``ExperimentStream``; the report's model cases use others).
    public let stream: Int

    /// A validated design.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` for the samples or the block size.
    public init(grid: Grid, samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int? = nil,
                stream: Int = ExperimentStream.moments) throws {
        try MomentsDesign.allowedSamples.check(samples, .samples)
        if let size = blockSamples { try MomentsDesign.allowedBlockSize.check(size, .blockSize) }
        self.grid = grid
        self.samples = samples
        self.seed = seed
        self.generator = generator
        self.blockSamples = blockSamples
        self.stream = stream
        self.plan = try BlockPlan(cells: grid.cells, samples: samples, blockSamples: blockSamples)
    }

    /// The design as a general block experiment: q^T k in every cell.
    package var experiment: BlockExperiment<DotProductWork> {
        BlockExperiment(plan: plan, work: DotProductWork(cells: grid.cells), seed: seed, generator: generator, stream: stream)
    }
}
