import ArgumentParser
import Foundation
import QKSupport
import QKModel
import QKExperiments
import QKVerdicts
import QKReporting

/// `qkverify softmax`: attention weights unscaled and scaled, as d grows.
struct SoftmaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "softmax",
        abstract: "Measure softmax(q^T k_j / tau) as d grows and test it against the exact theory of the weights.",
        discussion: "Measures the largest weight, the entropy, the participation sum p^2, sum p^3, the Jacobian's norm and its square, saturation, the logit variance and the output's variance (values v_j ~ N(0, sigma_v^2) drawn with the keys, --value-sigma). Where the keys are iid Gaussian (raw, uncorrelated, no aligned key) the means of the entropy, participation, sum p^3, squared Jacobian norm, largest weight and output variance are compared with their exact finite-N values (docs/THEORY.md section 6), Holm-corrected at --alpha; exit 1 when one is rejected.\n\nExamples:\n  qkverify softmax --dims 1,4,16,64 --keys 64\n  qkverify softmax --dims 4,64,512 --aligned-rho 0.5   # an aligned key")

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
    @Option(name: .customLong("value-sigma"), parsing: .unconditional, help: ArgumentHelp("Standard deviation sigma_v of the values v_j ~ N(0, sigma_v^2) the weights average; the column output_var measures the output's variance Var(sum_j a_j v_j) = sigma_v^2 E[sum a^2] (default: 1).", valueName: "sigma"),
            transform: ArgumentText.valueSigma)
    var valueSigma: Double = 1
    @OptionGroup var alpha: AlphaOption
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
                                     alignedRho: alignedRho, valueSigma: valueSigma)
    }

    func run() throws {
        let experiment = try experiment()
        let alpha = try self.alpha.value()
        let output = try OutputFile(path: out, option: "--out")
        let threads = try options.threadCount()
        let result = experiment.run(threads: threads, progress: options.meter("softmax"))
        let verdict = SoftmaxVerdict(SoftmaxComparison.compare(result, threads: threads), alpha: alpha)
        try TableDestination(out: output, format: format, readerColumns: SoftmaxTable.readerColumns).write(SoftmaxTable.table(result, verdict))
        let judged = verdict.testsMade == 0 ? "no test against the exact theory made"
            : "\(verdict.failedRows) of \(verdict.comparisons.count) rows fail (\(verdict.testsMade) tests against the exact theory, Holm at alpha \(NumberText.format(alpha)))"
        options.say("softmax: \(experiment.cells.count) cells x \(experiment.samples) queries; \(judged); wrote \(out)")
        if !verdict.allPass { throw ExitCode(QKVerifyCommand.failedStatus) }
    }
}
