import ArgumentParser
import Foundation
import QKSupport
import QKGSL
import QKModel
import QKEngine
import QKExperiments
import QKPersistence

/// `--dims`, shared by every experiment: one declaration, one default.
struct DimensionsOption: ParsableArguments {
    /// The dimensions when none are given: 1, 2, 4, ..., 512.
    static let standard = (0...9).map { 1 << $0 }

    @Option(name: .customLong("dims"), parsing: .unconditional,
            help: ArgumentHelp("Dimensions d: a comma-separated list of positive integers, or a progression such as 1,2,4,...,512 (default: 1,2,4,...,512).", valueName: "list"),
            transform: ArgumentText.positiveIntegers)
    var given: [Int]?

    /// The dimensions given, or the standard ones.
    var values: [Int] { given ?? Self.standard }
}

/// The grid and sampling options shared by the experiments of T.
struct GridOptions: ParsableArguments {
    @OptionGroup var dims: DimensionsOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate means mu of q and k: a comma-separated list of finite numbers (default: 0,0.5,1).", valueName: "list"),
            transform: ArgumentText.numbers)
    var means: [Double]?

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma of q and k: a list of numbers > 0 (default: 0.5,1,2).", valueName: "list"),
            transform: ArgumentText.positiveNumbers)
    var sigmas: [Double]?

    @Option(name: .customLong("q-means"), parsing: .unconditional, help: ArgumentHelp("Means of q's coordinates, with --k-means (every pair is taken); instead of --means.", valueName: "list"),
            transform: ArgumentText.numbers)
    var qMeans: [Double]?

    @Option(name: .customLong("k-means"), parsing: .unconditional, help: ArgumentHelp("Means of k's coordinates, with --q-means.", valueName: "list"),
            transform: ArgumentText.numbers)
    var kMeans: [Double]?

    @Option(name: .customLong("q-sigmas"), parsing: .unconditional, help: ArgumentHelp("Spreads of q's coordinates, with --k-sigmas; instead of --sigmas.", valueName: "list"),
            transform: ArgumentText.positiveNumbers)
    var qSigmas: [Double]?

    @Option(name: .customLong("k-sigmas"), parsing: .unconditional, help: ArgumentHelp("Spreads of k's coordinates, with --q-sigmas.", valueName: "list"),
            transform: ArgumentText.positiveNumbers)
    var kSigmas: [Double]?

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate laws, standardized to mean 0 and variance 1: a list of gaussian, uniform, rademacher, laplace, t:NU (2.1 <= NU <= 10^6).", valueName: "list"),
            transform: ArgumentText.laws)
    var law: [CoordinateLaw]?

    @Option(parsing: .unconditional, help: ArgumentHelp("Correlations of each pair (q_i, k_i), numbers in [-1, 1]; Gaussian law only (default: 0).", valueName: "list"),
            transform: ArgumentText.numbers)
    var rhos: [Double] = [0]

    @Option(parsing: .unconditional, help: ArgumentHelp("What T is taken of: none (q.k), unit (q.k / (|q||k|), QK-norm), layer (LayerNorm-ed q and k); a list (default: none).", valueName: "list"),
            transform: ArgumentText.norms)
    var norm: [Normalization] = [.none]

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples of q^T k per cell: a whole number from 10000 to 10^15 (1e5 is fine; default: 1e5).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, MomentsDesign.allowedSamples) })
    var samples: Int?

    @OptionGroup var stream: StreamOptions

    /// The validated design.
    ///
    /// - Parameters:
    ///   - defaultMeans, defaultSigmas, defaultLaws, defaultDims: the lists used when the user gives none.
    func design(defaultMeans: [Double] = [0, 0.5, 1], defaultSigmas: [Double] = [0.5, 1, 2], defaultLaws: [CoordinateLaw] = [.gaussian],
                defaultDims: [Int] = DimensionsOption.standard, samplesOverride: Int? = nil, blockOverride: Int? = nil) throws -> MomentsDesign {
        let grid = try Grid(
            dims: dims.given ?? defaultDims,
            laws: law ?? defaultLaws,
            meanPairs: Self.pairs(shared: means, q: qMeans, k: kMeans, names: ("--means", "--q-means", "--k-means"), default: defaultMeans),
            sigmaPairs: Self.pairs(shared: sigmas, q: qSigmas, k: kSigmas, names: ("--sigmas", "--q-sigmas", "--k-sigmas"), default: defaultSigmas),
            rhos: rhos,
            norms: norm)
        let (seed, generator, block) = try stream.resolve()
        return try MomentsDesign(grid: grid, samples: samplesOverride ?? samples ?? 100_000, seed: seed, generator: generator,
                                 blockSamples: blockOverride ?? block)
    }

    /// The (q, k) pairs of one quantity: `--means` for both, or `--q-means` and `--k-means` together
    /// (every combination), never a mix.
    private static func pairs(shared: [Double]?, q: [Double]?, k: [Double]?, names: (String, String, String),
                              default fallback: [Double]) throws -> [(Double, Double)] {
        switch (shared, q, k) {
        case (nil, nil, nil):
            return fallback.map { ($0, $0) }
        case let (values?, nil, nil):
            return values.map { ($0, $0) }
        case let (nil, qs?, ks?):
            return qs.flatMap { qv in ks.map { (qv, $0) } }
        case (.some, _, _):
            throw QKVerifyError.invalidOption(names.0, "sets q and k together, so it cannot be mixed with \(names.1) or \(names.2); allowed: \(names.0) alone, or \(names.1) with \(names.2)")
        case (nil, .some, nil):
            throw QKVerifyError.invalidOption(names.1, "needs \(names.2) too (or \(names.0) for both); allowed: \(names.1) with \(names.2)")
        case (nil, nil, .some):
            throw QKVerifyError.invalidOption(names.2, "needs \(names.1) too (or \(names.0) for both); allowed: \(names.1) with \(names.2)")
        }
    }
}

/// The random stream: seed, generator and block size (part of every experiment's design).
struct StreamOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Seed, 0 to 2^64-1, decimal, hexadecimal (0x2A) or 1e6 up to 2^53 (default: $GSL_RNG_SEED, else 0).", valueName: "n"),
            transform: { text in try ArgumentText.library { try GeneratorDefaults.seed(parsing: text, setting: .seed) } })
    var seed: UInt64?

    @Option(parsing: .unconditional, help: ArgumentHelp("GSL generator name (default: $GSL_RNG_TYPE, else mt19937). See 'qkverify generators'.", valueName: "name"),
            transform: { name in try ArgumentText.library { try GeneratorType(name: name) } })
    var rng: GeneratorType?

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples per block (default: about 2^20 draws' worth). Part of the design: changes the numbers.", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, MomentsDesign.allowedBlockSize) })
    var blockSize: Int?

    func resolve() throws -> (seed: UInt64, generator: GeneratorType, blockSamples: Int?) {
        let environment = ProcessInfo.processInfo.environment
        return (try GeneratorDefaults.seed(seed, environment: environment),
                try GeneratorDefaults.generator(rng, environment: environment), blockSize)
    }
}

/// Options for how a run uses the machine and talks to the user.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads, 1 to 1024 (default: all cores); at most one per core is started. Does not change the output.", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, in: 1...1024, what: "a whole number from 1 to 1024") })
    var threads: Int?

    @Flag(help: "Print a progress line every 10 s even when standard error is not a terminal.")
    var progress = false

    @Flag(help: "Print no progress and no summary.")
    var quiet = false

    /// The threads given, or one per core.
    func threadCount() throws -> Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    func meter(_ label: String) -> ProgressMeter {
        ProgressMeter.automatic(label: label, quiet: quiet, forced: progress)
    }

    /// Prints a line to standard error unless quiet.
    func say(_ text: String) {
        guard !quiet else { return }
        StandardStreams.error(text + "\n")
    }

    /// Saves a periodic checkpoint; a failed save is said on standard error (even when quiet), with
    /// what remains on disk, and the run goes on.
    func saveCheckpoint(_ state: RunStateFile, to store: StateStore) {
        do {
            try store.save(state)
        } catch {
            StandardStreams.error("qkverify: could not save the checkpoint (\(error)); \(store.file.path) keeps the last save, if any; the run goes on\n")
        }
    }
}
