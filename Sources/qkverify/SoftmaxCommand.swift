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

    @OptionGroup var dims: DimensionsOption
    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate means mu (default: 0,1).", valueName: "list"), transform: ArgumentText.numbers)
    var means: [Double] = [0, 1]
    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma (default: 1).", valueName: "list"), transform: ArgumentText.positiveNumbers)
    var sigmas: [Double] = [1]
    @Option(parsing: .unconditional, help: ArgumentHelp("Numbers of keys N per query, 2 to 10^6 (default: 64).", valueName: "list"), transform: ArgumentText.positiveIntegers)
    var keys: [Int] = [64]
    @Option(parsing: .unconditional, help: ArgumentHelp("Queries per cell, 100 to 10^9 (default: 2000).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, SoftmaxExperiment.allowedQueries) })
    var queries = 2000
    @Option(parsing: .unconditional, help: ArgumentHelp("Correlation of key 1 with the query, in (-1, 1]; adds the scale tau = d and the column aligned_weight its weight (default 0: no aligned key).", valueName: "rho"),
            transform: ArgumentText.alignedCorrelation)
    var alignedRho: Double = 0
    @OptionGroup var stream: StreamOptions
    @OptionGroup var options: RunOptions
    @Option(help: ArgumentHelp("The CSV table to write ('-': standard output, in --format).", valueName: "path"))
    var out = "results/softmax.csv"
    @Option(help: ArgumentHelp("Also print the table on standard output: text, markdown or latex (largest weight and entropy), csv or json (all).", valueName: "format"))
    var format: TableFormat?

    func experiment() throws -> SoftmaxExperiment {
        let grid = try Grid(dims: dims.values, means: means, sigmas: sigmas)
        let (seed, generator, block) = try stream.resolve()
        return try SoftmaxExperiment(grid: grid, keys: keys, samples: queries, seed: seed, generator: generator, blockSamples: block,
                                     alignedRho: alignedRho)
    }

    func run() throws {
        let experiment = try experiment()
        let output = try OutputFile(path: out, option: "--out")
        let result = experiment.run(threads: try options.threadCount(), progress: options.meter("softmax"))
        try TableDestination(out: output, format: format, readerColumns: SoftmaxTable.readerColumns).write(SoftmaxTable.table(result))
        options.say("softmax: \(experiment.cells.count) cells x \(experiment.samples) queries; wrote \(out)")
    }
}
