/// The whole distribution at mu = 0: the samples of T against the exact variance-gamma law, and
/// T / (sigma^2 sqrt(d)) against N(0, 1).
public struct DistributionExperiment: Sendable {
    /// The most samples per cell: the samples are kept (8 bytes each) to compute the KS distance.
    public static let maxSamples = 10_000_000

    /// The cells (mu = 0), sigma outermost, then d.
    public let cells: [Cell]
    /// Samples per cell.
    public let samples: Int
    /// The user's seed.
    public let seed: UInt64
    /// The generator.
    public let generator: GeneratorType
    /// The blocks.
    public let plan: BlockPlan

    /// A validated experiment.
    ///
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `--samples`.
    public init(dims: [Int], sigmas: [Double], samples: Int, seed: UInt64, generator: GeneratorType, blockSamples: Int? = nil) throws {
        guard samples >= 1000 && samples <= DistributionExperiment.maxSamples else {
            throw QKVerifyError.invalidOption("--samples", "\(samples) is not allowed here; allowed: 1000 to 10^7 (the samples are kept for the KS distance)")
        }
        let grid = try Grid(dims: dims, means: [0], sigmas: sigmas)
        cells = grid.cells
        self.samples = samples
        self.seed = seed
        self.generator = generator
        plan = try BlockPlan(cells: cells, samples: samples, blockSamples: blockSamples)
    }

    /// Every cell's samples, in draw order.
    public func run(threads: Int, progress: ProgressMeter = .silent) -> [SampleList] {
        BlockExperiment(plan: plan, work: DotProductListWork(cells: cells), seed: seed, generator: generator)
            .run(threads: threads, progress: progress)
    }
}

/// One cell's distribution tests.
public struct DistributionResult: Sendable {
    /// The cell.
    public let cell: Cell
    /// The number of samples.
    public let samples: Int
    /// KS distance of T / sigma^2 from the exact variance-gamma law.
    public let exact: KolmogorovSmirnov
    /// KS distance of T / (sigma^2 sqrt(d)) from N(0, 1).
    public let normal: KolmogorovSmirnov

    /// Tests one cell's samples against both laws.
    public init(cell: Cell, samples: SampleList, law: VarianceGamma) {
        precondition(law.d == cell.d)
        self.cell = cell
        self.samples = samples.values.count
        let s2 = cell.sigma * cell.sigma, root = Double(cell.d).squareRoot()
        exact = KolmogorovSmirnov(samples.values.map { $0 / s2 }, cdf: law.cdf)
        normal = KolmogorovSmirnov(samples.values.map { $0 / (s2 * root) }, cdf: SpecialFunctions.normalCDF)
    }
}
