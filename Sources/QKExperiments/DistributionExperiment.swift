import QKSupport
import QKGSL
import QKModel
import QKStatistics
import QKEngine
import QKSampling
import QKTheory
/// The whole distribution at mu = 0: the samples of T against the exact variance-gamma law, and
/// T / (sigma^2 sqrt(d)) against N(0, 1).
public struct DistributionExperiment: Sendable {
    /// The samples per cell allowed: at most 10^7, as they are kept (8 bytes each) for the KS distance.
    package static let allowedSamples = AllowedRange(1000...10_000_000,
        "a whole number from 1000 to 10^7 (the samples are kept for the KS distance)")

    /// The cells (mu = 0), sigma outermost, then d.
    public let cells: [Cell]
    /// Samples per cell.
    public let samples: Int
    /// The user's seed.
    public let seed: UInt64
    /// The GSL generator every block draws from.
    public let generator: GeneratorType
    /// How the samples are cut into blocks (the unit of seeding and merging).
    package let plan: BlockPlan

    /// A validated experiment.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` for the samples, or as ``Grid``.
    public init(dims: [Int], sigmas: [Double], samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int? = nil) throws {
        try DistributionExperiment.allowedSamples.check(samples, .samples)
        let grid = try Grid(dims: dims, means: [0], sigmas: sigmas)
        cells = grid.cells
        self.samples = samples
        self.seed = seed
        self.generator = generator
        plan = try BlockPlan(cells: cells, samples: samples, blockSamples: blockSamples)
    }

    /// Every cell's samples, in draw order.
    package func run(threads: Int, progress: ProgressMeter = .silent) -> [SampleList] {
        BlockExperiment(plan: plan, work: DotProductListWork(cells: cells), seed: seed, generator: generator, stream: ExperimentStream.distribution)
            .run(threads: threads, progress: progress)
    }
}

extension DistributionExperiment {
    /// The dimensions to histogram on a grid: every one of a grid with at most four (so none is left
    /// out of a small grid such as 16, 64, 256); of a larger grid those of `preferred` it has, or where
    /// there are none, four spread from the first to the last, so the figure is never empty.
    public static func histogramDims(_ dims: [Int], preferred: [Int] = [1, 4, 16, 64]) -> Set<Int> {
        let sorted = Array(Set(dims)).sorted()
        guard sorted.count > 4 else { return Set(sorted) }
        let chosen = Set(preferred).intersection(dims)
        guard chosen.isEmpty else { return chosen }
        return Set((0..<4).map { sorted[$0 * (sorted.count - 1) / 3] })
    }

    /// The analysis of a run: each cell tested against its exact law and the normal, and the
    /// histogram input for the cells whose d is in `histogramDims` (at the first sigma).
    ///
    /// - Complexity: one ``VarianceGamma`` table per distinct d, then a sort per cell.
    package func analyse(_ lists: [SampleList], histogramDims: Set<Int>)
        -> (results: [DistributionResult], histogram: [DistributionResult]) {
        let laws = Dictionary(uniqueKeysWithValues: Set(cells.map(\.d)).map { ($0, VarianceGamma(d: $0)) })
        let results = zip(cells, lists).map { DistributionResult(cell: $0, samples: $1, law: laws[$0.d]!) }
        return (results, results.filter { histogramDims.contains($0.cell.d) && $0.cell.sigma == cells[0].sigma })
    }
}
