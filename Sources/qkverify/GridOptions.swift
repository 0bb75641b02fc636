import ArgumentParser
import Foundation
import QKSupport
import QKGSL
import QKModel
import QKEngine
import QKExperiments
import QKPersistence

/// The grid and sampling options shared by every experiment.
struct GridOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Dimensions d: a comma-separated list of positive integers.", valueName: "list"))
    var dims = "1,2,4,8,16,32,64,128,256,512"

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate means mu of q and k: a comma-separated list of finite numbers (default: 0,0.5,1).", valueName: "list"))
    var means: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma of q and k: a list of numbers > 0 (default: 0.5,1,2).", valueName: "list"))
    var sigmas: String?

    @Option(name: .customLong("q-means"), parsing: .unconditional, help: ArgumentHelp("Means of q's coordinates, with --k-means (every pair is taken); instead of --means.", valueName: "list"))
    var qMeans: String?

    @Option(name: .customLong("k-means"), parsing: .unconditional, help: ArgumentHelp("Means of k's coordinates, with --q-means.", valueName: "list"))
    var kMeans: String?

    @Option(name: .customLong("q-sigmas"), parsing: .unconditional, help: ArgumentHelp("Spreads of q's coordinates, with --k-sigmas; instead of --sigmas.", valueName: "list"))
    var qSigmas: String?

    @Option(name: .customLong("k-sigmas"), parsing: .unconditional, help: ArgumentHelp("Spreads of k's coordinates, with --q-sigmas.", valueName: "list"))
    var kSigmas: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate laws, standardized to mean 0 and variance 1: a list of gaussian, uniform, rademacher, laplace, t:NU (NU > 2).", valueName: "list"))
    var law: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Correlations of each pair (q_i, k_i), numbers in [-1, 1]; Gaussian law only.", valueName: "list"))
    var rhos = "0"

    @Option(parsing: .unconditional, help: ArgumentHelp("What T is taken of: none (q.k), unit (q.k / (|q||k|), QK-norm), layer (LayerNorm-ed q and k); a list.", valueName: "list"))
    var norm = "none"

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples of q^T k per cell: a whole number from 10000 to 10^15 (1e5 is fine).", valueName: "n"))
    var samples: String?

    @OptionGroup var stream: StreamOptions

    /// The validated design.
    ///
    /// - Parameters:
    ///   - defaultMeans, defaultSigmas, defaultLaws: the lists used when the user gives none.
    func design(defaultMeans: String = "0,0.5,1", defaultSigmas: String = "0.5,1,2", defaultLaws: String = "gaussian",
                samplesOverride: Int? = nil, blockOverride: Int? = nil) throws -> MomentsDesign {
        let grid = try Grid(
            dims: OptionValue.positiveIntegers(dims, option: "--dims"),
            laws: OptionValue.laws(law ?? defaultLaws, option: "--law"),
            meanPairs: Self.pairs(shared: means, q: qMeans, k: kMeans, names: ("--means", "--q-means", "--k-means"),
                                  default: defaultMeans, positive: false),
            sigmaPairs: Self.pairs(shared: sigmas, q: qSigmas, k: kSigmas, names: ("--sigmas", "--q-sigmas", "--k-sigmas"),
                                   default: defaultSigmas, positive: true),
            rhos: OptionValue.numbers(rhos, option: "--rhos"),
            norms: OptionValue.norms(norm, option: "--norm"))
        let n = try OptionValue.wholeNumber(samples ?? "100000", option: "--samples", MomentsDesign.allowedSamples)
        let (seed, generator, block) = try stream.resolve()
        return try MomentsDesign(grid: grid, samples: samplesOverride ?? n, seed: seed, generator: generator,
                                 blockSamples: blockOverride ?? block)
    }

    /// The (q, k) pairs of one quantity: `--means` for both, or `--q-means` and `--k-means` together
    /// (every combination), never a mix.
    private static func pairs(shared: String?, q: String?, k: String?, names: (String, String, String),
                              default fallback: String, positive: Bool) throws -> [(Double, Double)] {
        switch (shared, q, k) {
        case (nil, nil, nil):
            return try OptionValue.numbers(fallback, option: names.0, positive: positive).map { ($0, $0) }
        case let (text?, nil, nil):
            return try OptionValue.numbers(text, option: names.0, positive: positive).map { ($0, $0) }
        case let (nil, qText?, kText?):
            let qs = try OptionValue.numbers(qText, option: names.1, positive: positive)
            let ks = try OptionValue.numbers(kText, option: names.2, positive: positive)
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
    @Option(parsing: .unconditional, help: ArgumentHelp("Seed, 0 to 2^64-1 (default: $GSL_RNG_SEED, else 0).", valueName: "n"))
    var seed: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("GSL generator name (default: $GSL_RNG_TYPE, else mt19937). See 'qkverify generators'.", valueName: "name"))
    var rng: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples per block (default: about 2^20 draws' worth). Part of the design: changes the numbers.", valueName: "n"))
    var blockSize: String?

    func resolve() throws -> (seed: UInt64, generator: GeneratorType, blockSamples: Int?) {
        let environment = ProcessInfo.processInfo.environment
        let block = try blockSize.map {
            try OptionValue.wholeNumber($0, option: "--block-size", MomentsDesign.allowedBlockSize)
        }
        return (try GeneratorDefaults.seed(seed, environment: environment),
                try GeneratorDefaults.generator(named: rng, environment: environment), block)
    }
}

/// Options for how a run uses the machine and talks to the user.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads, 1 to 1024 (default: all cores). Does not change the output.", valueName: "n"))
    var threads: String?

    @Flag(help: "Print a progress line every 10 s even when standard error is not a terminal.")
    var progress = false

    @Flag(help: "Print no progress and no summary.")
    var quiet = false

    func threadCount() throws -> Int {
        guard let threads else { return ProcessInfo.processInfo.activeProcessorCount }
        return try OptionValue.wholeNumber(threads, option: "--threads", in: 1...1024, what: "a whole number from 1 to 1024")
    }

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
