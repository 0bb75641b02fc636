import QKSupport
import QKModel
import QKSampling
import QKEngine
import QKClaims
import QKExperiments
import QKVerdicts
/// The default verification, as `qkverify report` runs it: every experiment of the report on one
/// grid, with one seed, generator and block size, each experiment drawing its own stream
/// (``ExperimentStream``), so no two share a sample.
public struct VerificationSuite: Sendable {
    /// The moments run: the grid, samples per cell, seed, generator and block size.
    public let design: MomentsDesign
    /// The family-wise false-failure rate of each family of tests.
    public let alpha: Double
    /// Softmax with and without the scale, on the grid's dimensions and means at ``sigma``.
    public let softmax: SoftmaxExperiment
    /// The whole law of T at mu = 0 and ``sigma``.
    public let distribution: DistributionExperiment
    /// The tour of the models beyond the seed derivation.
    package let models: ModelsSuite
    /// Softmax with one key aligned with the query (correlation ``alignedRho``).
    public let aligned: SoftmaxExperiment
    /// When attention collapses: softmax over N keys (by default ``collapseKeys``) at mu = 0,
    /// sigma = 1, on the grid's dimensions up to 64, judged at tau = 1, sqrt(d) and d.
    public let collapse: SoftmaxExperiment

    /// The default numbers of keys of the collapse experiment: 2 log N = 5.5, 11.1, 16.6, 22.2.
    public static let collapseKeys = [16, 256, 4096, 65536]
    /// The temperatures the collapse experiment is judged at.
    public static let collapseScales: [SoftmaxScale] = [.none, .sqrtD, .d]
    /// The most queries per cell of the collapse experiment (fewer where the report's softmax has
    /// fewer; the entropy's mean is tested from about 100).
    public static let collapseQueries = 1000
    /// The most logits (queries times keys) a collapse cell draws: 1000 queries up to N = 16384,
    /// 256 at N = 65536 (which would otherwise cost four times the rest of the report's draws).
    public static let collapseLogits = 1 << 24

    /// The aligned key's correlation with its query.
    public static let alignedRho = 0.5

    /// The suite on a moments design.
    ///
    /// - Parameters:
    ///   - keys: the numbers of keys per query of the softmax experiment.
    ///   - queries: queries per softmax cell.
    ///   - distributionSamples: samples per d of the distribution experiment (kept in memory).
    ///   - collapseKeys: the numbers of keys of the collapse experiment.
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` when the grid has fewer than two dimensions (there
    ///   is no slope to fit), or as the experiments' own checks.
    public init(design: MomentsDesign, alpha: Double, keys: [Int], queries: Int, distributionSamples: Int,
                collapseKeys: [Int] = VerificationSuite.collapseKeys) throws {
        guard design.grid.dims.count >= 2 else {
            throw QKVerifyError.invalid(.dimensions, "the report fits a slope in d; allowed: a list of 2 or more dimensions")
        }
        // The distribution's samples are this suite's own setting (the moments run has its own).
        try DistributionExperiment.allowedSamples.check(distributionSamples, .distributionSamples)
        let (dims, seed, generator, block) = (design.grid.dims, design.seed, design.generator, design.blockSamples)
        let sigma = VerificationSuite.sigma(of: design.grid)
        self.design = design
        self.alpha = alpha
        softmax = try SoftmaxExperiment(grid: Grid(dims: dims, means: design.grid.means, sigmas: [sigma]), keys: keys,
                                        samples: queries, seed: seed, generator: generator, blockSamples: block)
        distribution = try DistributionExperiment(dims: dims, sigmas: [sigma], samples: distributionSamples, seed: seed,
                                                  generator: generator, blockSamples: block)
        models = try ModelsSuite(dims: dims, samples: design.samples, seed: seed, generator: generator, blockSamples: block)
        aligned = try SoftmaxExperiment(grid: Grid(dims: dims, means: [0], sigmas: [1]), keys: [keys[0]], samples: queries,
                                        seed: seed, generator: generator, blockSamples: block,
                                        alignedRho: VerificationSuite.alignedRho, stream: ExperimentStream.aligned)
        let collapseDims = dims.filter { $0 <= 64 }
        collapse = try SoftmaxExperiment(grid: Grid(dims: collapseDims.isEmpty ? [64] : collapseDims, means: [0], sigmas: [1]),
                                         keys: collapseKeys, samples: min(queries, Self.collapseQueries), seed: seed, generator: generator,
                                         blockSamples: block, stream: ExperimentStream.collapse, keysSetting: .collapseKeys,
                                         logitBudget: Self.collapseLogits)
    }

    /// The spread the softmax and distribution experiments use: 1 where the grid has it, else its first.
    public static func sigma(of grid: Grid) -> Double {
        grid.sigmas.contains(1) ? 1 : grid.sigmas[0]
    }

    /// Runs every experiment and judges it.
    ///
    /// - Parameters:
    ///   - threads: worker threads (the results do not depend on them).
    ///   - progress: a progress meter for each experiment, by its label.
    package func run(threads: Int, progress: (String) -> ProgressMeter = { _ in .silent }) throws -> SuiteResults {
        let comparisons = MomentsExperiment(design: design, threads: threads).run(progress: progress("moments"))
            .map(MomentComparison.init)
        let softmaxSummaries = softmax.run(threads: threads, progress: progress("softmax"))
        let lists = distribution.run(threads: threads, progress: progress("distribution"))
        let analysis = distribution.analyse(lists, histogramDims: DistributionExperiment.histogramDims(design.grid.dims))
        let outcomes = try models.run(threads: threads, alpha: alpha, progress: progress("models"))
        let alignedSummaries = aligned.run(threads: threads, progress: progress("aligned key"))
        let collapseSummaries = collapse.run(threads: threads, progress: progress("collapse"))
        let collapseRows = collapseSummaries.rows { _ in Self.collapseScales }
        return try SuiteResults(
            suite: self, verdict: MomentsVerdict(comparisons, alpha: alpha),
            // Every claim of the derivation is listed; one with no cell on this grid is said to be untested.
            seedCheck: ClaimCheck(claims: Claim.seed(), comparisons: comparisons, alpha: alpha, requireCells: false),
            controls: NegativeControl.standard.map { try ControlResult($0, comparisons: comparisons, alpha: alpha, requireCells: false) },
            scaling: ScalingVerdict(comparisons, alpha: alpha),
            softmax: softmaxSummaries,
            softmaxVerdict: SoftmaxVerdict(SoftmaxComparison.compare(softmaxSummaries, threads: threads), alpha: alpha),
            distribution: DistributionVerdict(analysis.results, alpha: alpha),
            histogram: analysis.histogram, models: outcomes, aligned: alignedSummaries,
            alignedVerdict: SoftmaxVerdict(SoftmaxComparison.compare(alignedSummaries, threads: threads), alpha: alpha),
            collapse: collapseSummaries,
            collapseVerdict: SoftmaxVerdict(SoftmaxComparison.compare(collapseSummaries, rows: collapseRows, threads: threads), alpha: alpha))
    }
}
