import ArgumentParser
import Foundation
import QKVerify

/// The grid and sampling options shared by every experiment.
struct GridOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Dimensions d: a comma-separated list of positive integers.", valueName: "list"))
    var dims = "1,2,4,8,16,32,64,128,256,512"

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate means mu: a comma-separated list of finite numbers.", valueName: "list"))
    var means = "0,0.5,1"

    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma: a list of numbers > 0.", valueName: "list"))
    var sigmas = "0.5,1,2"

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples of q^T k per cell: a whole number from 10000 to 10^15 (1e5 is fine).", valueName: "n"))
    var samples = "100000"

    @OptionGroup var stream: StreamOptions

    /// The validated design.
    func design() throws -> MomentsDesign {
        let grid = try Grid(
            dims: OptionValue.positiveIntegers(dims, option: "--dims"),
            means: OptionValue.numbers(means, option: "--means"),
            sigmas: OptionValue.numbers(sigmas, option: "--sigmas", positive: true))
        let n = try OptionValue.wholeNumber(samples, option: "--samples",
            in: MomentsDesign.minSamples...MomentsDesign.maxSamples,
            what: "a whole number from 10000 to 10^15 (below 10^4 the z-tests are not reliable)")
        let (seed, generator, block) = try stream.resolve()
        return try MomentsDesign(grid: grid, samples: n, seed: seed, generator: generator, blockSamples: block)
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
            try OptionValue.wholeNumber($0, option: "--block-size", in: 1...Int(Int32.max), what: "a whole number of samples from 1 to 2^31-1")
        }
        return (try GeneratorDefaults.seed(option: seed, environment: environment),
                try GeneratorDefaults.generator(option: rng, environment: environment), block)
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
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
