import QKSupport
import QKGSL
import QKModel
import QKEngine
import QKSampling
/// The softmax experiment: how attention weights behave as d grows, unscaled and scaled.
public struct SoftmaxExperiment: Sendable {
    /// The cells: the grid's models in its order (for the seed model mu outermost, then sigma), then
    /// the number of keys, then d.
    public let cells: [SoftmaxCell]
    /// Queries per cell: the most any cell draws (every cell, unless a logit budget gives the cells
    /// with many keys fewer; ``queries``).
    public let samples: Int
    /// The queries of each cell, in ``cells``' order: ``samples``, or under a logit budget B
    /// `min(samples, max(100, B / N))` for a cell of N keys.
    public let queries: [Int]
    /// The most logits (queries times keys) a cell draws, if the experiment has such a budget.
    public let logitBudget: Int?
    /// The queries per cell allowed.
    package static let allowedQueries = AllowedRange(100...1_000_000_000, "a whole number from 100 to 10^9")
    /// The user's seed.
    public let seed: UInt64
    /// The GSL generator every block draws from.
    public let generator: GeneratorType
    /// How the queries are cut into blocks (the unit of seeding and merging).
    package let plan: BlockPlan
    /// The stream its blocks are seeded in (``ExperimentStream``).
    public private(set) var stream: Int

    /// A validated experiment.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` for the keys, queries or aligned correlation.
    /// - Parameters:
    ///   - alignedRho: the correlation of key 1 with the query (0: none), in (-1, 1].
    ///   - keysSetting: the setting a refusal of `keys` names (the report's collapse has its own).
    ///   - valueSigma: the values' standard deviation sigma_v, for the output's variance.
    ///   - logitBudget: the most logits (queries times keys) a cell may draw: a cell of N keys draws
    ///     `min(samples, max(100, logitBudget / N))` queries, so many keys cost no more than the
    ///     budget (nil: every cell draws `samples`). The report's collapse uses it at N = 65536.
    public init(grid: Grid, keys: [Int], samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int? = nil,
                alignedRho: Double = 0, stream: Int = ExperimentStream.softmax, keysSetting: Setting = .keys,
                valueSigma: Double = 1, logitBudget: Int? = nil) throws {
        guard alignedRho.isFinite, alignedRho > -1, alignedRho <= 1 else {
            throw QKVerifyError.invalid(.alignedCorrelation, "'\(NumberText.format(alignedRho))' is not allowed; allowed: a number in (-1, 1], 0 for no aligned key")
        }
        guard valueSigma.isFinite, valueSigma >= 1e-100, valueSigma <= 1e100 else {
            throw QKVerifyError.invalid(.valueSigma, "'\(NumberText.format(valueSigma))' is not allowed; allowed: a number from 1e-100 to 1e100 (the values' standard deviation, > 0)")
        }
        guard !keys.isEmpty, keys.allSatisfy({ $0 >= 2 && $0 <= 1_000_000 }) else {
            throw QKVerifyError.invalid(keysSetting, "allowed: whole numbers of keys from 2 to 10^6")
        }
        try SoftmaxExperiment.allowedQueries.check(samples, .queries)
        cells = grid.models.flatMap { model in keys.flatMap { n in
            grid.dims.map { SoftmaxCell(d: $0, model: model, keys: n, alignedRho: alignedRho, valueSigma: valueSigma) } } }
        precondition((logitBudget ?? 1) >= 1)
        let least = SoftmaxExperiment.allowedQueries.range.lowerBound
        queries = cells.map { cell in logitBudget.map { min(samples, max(least, $0 / cell.keys)) } ?? samples }
        self.samples = samples
        self.logitBudget = logitBudget
        self.seed = seed
        self.generator = generator
        self.stream = stream
        plan = try BlockPlan(drawsPerSample: cells.map(\.drawsPerSample), samples: queries, blockSamples: blockSamples)
    }

    /// The same experiment (cells, queries, seed, generator, blocks) drawn from another stream: fresh
    /// samples independent of this one's, as a diagnosis needs to confirm what it fitted here.
    public func drawn(from stream: Int) -> SoftmaxExperiment {
        var fresh = self
        fresh.stream = stream
        return fresh
    }

    /// Runs the experiment: every cell's statistics at every temperature.
    package func run(threads: Int, progress: ProgressMeter = .silent) -> SoftmaxResult {
        SoftmaxResult(experiment: self, summaries: BlockExperiment(plan: plan, work: SoftmaxWork(cells: cells), seed: seed,
                                                                   generator: generator, stream: stream).run(threads: threads, progress: progress))
    }
}
