import ArgumentParser
import Foundation
import QKSupport
import QKModel
import QKExperiments
import QKReporting

/// `qkverify softmax`: attention weights unscaled and scaled, as d grows.
struct SoftmaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "softmax",
        abstract: "Measure softmax(q^T k_j / tau) as d grows: largest weight, entropy, Jacobian norm, saturation.",
        discussion: "Examples:\n  qkverify softmax --dims 1,4,16,64 --keys 64\n  qkverify softmax --dims 4,64,512 --aligned-rho 0.5   # an aligned key")

    @Option(parsing: .unconditional, help: ArgumentHelp("Dimensions d.", valueName: "list"))
    var dims = "1,2,4,8,16,32,64,128,256,512"
    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate means mu.", valueName: "list"))
    var means = "0,1"
    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma.", valueName: "list"))
    var sigmas = "1"
    @Option(parsing: .unconditional, help: ArgumentHelp("Numbers of keys N per query, 2 to 10^6.", valueName: "list"))
    var keys = "64"
    @Option(parsing: .unconditional, help: ArgumentHelp("Queries per cell, 100 to 10^9.", valueName: "n"))
    var queries = "2000"
    @Option(parsing: .unconditional, help: ArgumentHelp("Correlation of key 1 with the query, in (-1, 1]; adds the scale tau = d and the column aligned_weight its weight (default 0: no aligned key).", valueName: "rho"))
    var alignedRho = "0"
    @OptionGroup var stream: StreamOptions
    @OptionGroup var options: RunOptions
    @Option(help: ArgumentHelp("The CSV table to write.", valueName: "path"))
    var out = "results/softmax.csv"

    func experiment() throws -> SoftmaxExperiment {
        let grid = try Grid(dims: OptionValue.positiveIntegers(dims, option: "--dims"),
                            means: OptionValue.numbers(means, option: "--means"),
                            sigmas: OptionValue.numbers(sigmas, option: "--sigmas", positive: true))
        let keyCounts = try OptionValue.positiveIntegers(keys, option: "--keys")
        let n = try OptionValue.wholeNumber(queries, option: "--queries", SoftmaxExperiment.allowedQueries)
        let (seed, generator, block) = try stream.resolve()
        let rho = try OptionValue.numbers(alignedRho, option: "--aligned-rho")
        guard rho.count == 1 else {
            throw QKVerifyError.invalidOption("--aligned-rho", "'\(alignedRho)' is not allowed; allowed: one number in (-1, 1]")
        }
        return try SoftmaxExperiment(grid: grid, keys: keyCounts, samples: n, seed: seed, generator: generator, blockSamples: block,
                                     alignedRho: rho[0])
    }

    func run() throws {
        let experiment = try experiment()
        let output = try OutputFile(path: out, option: "--out")
        let summaries = experiment.run(threads: try options.threadCount(), progress: options.meter("softmax"))
        try output.write(SoftmaxTable.table(experiment, summaries).bytes)
        options.say("softmax: \(experiment.cells.count) cells x \(experiment.samples) queries; wrote \(out)")
    }
}
