import ArgumentParser
import Foundation
import QKSupport
import QKExperiments
import QKVerdicts
import QKReporting

/// `qkverify distribution`: KS tests of T against its exact law and against the normal, at mu = 0.
struct DistributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distribution",
        abstract: "At mu = 0, test q^T k against its exact variance-gamma law and T/(sigma^2 sqrt d) against N(0,1).",
        discussion: "Examples:\n  qkverify distribution --dims 1,4,16,64 --samples 1e5")

    @OptionGroup var dims: DimensionsOption
    @Option(parsing: .unconditional, help: ArgumentHelp("Coordinate standard deviations sigma (mu is 0; default: 1).", valueName: "list"), transform: ArgumentText.positiveNumbers)
    var sigmas: [Double] = [1]
    @Option(parsing: .unconditional, help: ArgumentHelp("Samples per cell, 1000 to 10^7 (kept in memory for the KS distance; default: 1e5).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, DistributionExperiment.allowedSamples) })
    var samples = 100_000
    @Option(parsing: .unconditional, help: ArgumentHelp("Dimensions to histogram, all also in --dims (default: 1,4,16,64 where in --dims, else up to four of --dims).", valueName: "list"),
            transform: ArgumentText.positiveIntegers)
    var histogramDims: [Int]?
    @OptionGroup var stream: StreamOptions
    @OptionGroup var options: RunOptions
    @OptionGroup var alpha: AlphaOption
    @Option(help: ArgumentHelp("The CSV table to write ('-': standard output, in --format).", valueName: "path"))
    var out = "results/distribution.csv"
    @Option(help: ArgumentHelp("Also print the table on standard output: text, markdown or latex (the tests' main columns), csv or json (all).", valueName: "format"))
    var format: TableFormat?
    @Option(help: ArgumentHelp("The histogram table to write.", valueName: "path"))
    var histogram = "results/histogram.csv"

    func run() throws {
        let (seed, generator, block) = try stream.resolve()
        let n = samples
        let experiment = try DistributionExperiment(dims: dims.values, sigmas: sigmas, samples: n, seed: seed, generator: generator,
                                                    blockSamples: block)
        let dimList = experiment.cells.map(\.d)
        let shown: Set<Int>
        if let histogramDims {
            shown = Set(histogramDims)
            let missing = shown.subtracting(dimList).sorted()
            guard missing.isEmpty else {
                throw QKVerifyError.invalidOption("--histogram-dims", "\(missing.map(String.init).joined(separator: ",")) not in --dims; allowed: dimensions that --dims also lists")
            }
        } else {
            shown = DistributionExperiment.histogramDims(dimList)
        }
        let alpha = try self.alpha.value()
        try DistinctOutputs.check([("--out", out), ("--histogram", histogram)])
        let output = try OutputFile(path: out, option: "--out")
        let histogramOutput = try OutputFile(path: histogram, option: "--histogram")
        let lists = experiment.run(threads: try options.threadCount(), progress: options.meter("distribution"))
        let (results, histogramCells) = experiment.analyse(lists, histogramDims: shown)
        let verdict = DistributionVerdict(results, alpha: alpha)
        try TableDestination(out: output, format: format, readerColumns: DistributionTable.readerColumns).write(DistributionTable.table(verdict))
        try histogramOutput.write(HistogramTable.table(histogramCells).bytes)
        let untested = verdict.untestedCount > 0 ? " (\(verdict.untestedCount) untested: \(verdict.untested.compactMap { $0 }[0]))" : ""
        options.say("distribution: \(results.count) cells x \(n) samples\(untested); wrote \(out) and \(histogram)")
        // The exact law is the closed form under test; the normal approximation failing at small d is a finding.
        if verdict.exactLawRejected { throw ExitCode(QKVerifyCommand.failedStatus) }
        if verdict.untestedCount > 0 { throw ExitCode(QKVerifyCommand.untestedStatus) }
    }
}
