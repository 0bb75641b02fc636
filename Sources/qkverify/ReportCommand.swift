import ArgumentParser
import Foundation
import QKVerify

/// `qkverify report`: the whole default suite, its tables, figures and REPORT.md.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run the whole suite (moments, controls, scaling, softmax, distribution) and write tables, figures and REPORT.md.",
        discussion: "Figures need gnuplot (apt-get install gnuplot-nox); without it the report is written without them.\n\nExamples:\n  qkverify report          # the default verification, into results/\n  qkverify report --dims 2,8,32 --means 0,1 --sigmas 1 --out-dir /tmp/r")

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate of each family of tests.", valueName: "p"))
    var alpha = "0.001"
    @Option(parsing: .unconditional, help: ArgumentHelp("Softmax: numbers of keys per query.", valueName: "list"))
    var keys = "64"
    @Option(parsing: .unconditional, help: ArgumentHelp("Softmax: queries per cell.", valueName: "n"))
    var queries = "2000"
    @Option(parsing: .unconditional, help: ArgumentHelp("Distribution: samples per d (kept in memory).", valueName: "n"))
    var distributionSamples = "100000"
    @Option(help: ArgumentHelp("The directory to write into.", valueName: "dir"))
    var outDir = "results"
    @Option(help: ArgumentHelp("markdown (REPORT.md), or latex (also tables.tex with booktabs tables).", valueName: "format"))
    var format = "markdown"

    func run() throws {
        // Every option and output is checked before any work.
        let design = try grid.design()
        let threads = try options.threadCount()
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        guard format == "markdown" || format == "latex" else {
            throw QKVerifyError.invalidOption("--format", "'\(format)' is not allowed; allowed: markdown, latex")
        }
        guard design.grid.dims.count >= 2 else {
            throw QKVerifyError.invalidOption("--dims", "the report fits a slope in d; allowed: a list of 2 or more dimensions")
        }
        let sigma = design.grid.sigmas.contains(1) ? 1 : design.grid.sigmas[0]
        let softmax = try SoftmaxExperiment(
            grid: Grid(dims: design.grid.dims, means: design.grid.means, sigmas: [sigma]),
            keys: OptionValue.positiveIntegers(keys, option: "--keys"),
            samples: OptionValue.wholeNumber(queries, option: "--queries", in: 100...1_000_000_000, what: "a whole number from 100 to 10^9"),
            seed: design.seed, generator: design.generator, blockSamples: design.blockSamples)
        let distribution = try DistributionExperiment(
            dims: design.grid.dims, sigmas: [sigma],
            samples: OptionValue.wholeNumber(distributionSamples, option: "--distribution-samples",
                                             in: 1000...DistributionExperiment.maxSamples, what: "a whole number from 1000 to 10^7"),
            seed: design.seed, generator: design.generator, blockSamples: design.blockSamples)
        func file(_ name: String) throws -> OutputFile {
            try OutputFile(path: (outDir as NSString).appendingPathComponent(name), option: "--out-dir")
        }
        let models = try ModelsSuite(dims: design.grid.dims, samples: design.samples, seed: design.seed,
                                     generator: design.generator, blockSamples: design.blockSamples)
        let aligned = try SoftmaxExperiment(
            grid: Grid(dims: design.grid.dims, means: [0], sigmas: [1]), keys: [softmax.cells[0].keys], samples: softmax.samples,
            seed: design.seed, generator: design.generator, blockSamples: design.blockSamples, alignedRho: 0.5,
            stream: ExperimentStream.aligned)
        let files = try ["moments.csv", "controls.csv", "scaling.csv", "softmax.csv", "distribution.csv", "histogram.csv",
                         "models.csv", "aligned.csv", "REPORT.md", "tables.tex"].reduce(into: [String: OutputFile]()) { $0[$1] = try file($1) }
        let started = ContinuousClock.now

        let comparisons = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("moments"))
            .map(MomentComparison.init)
        let verdict = MomentsVerdict(comparisons, alpha: alpha)
        let controls = try NegativeControl.standard.map { try ControlResult($0, comparisons: comparisons, alpha: alpha, requireCells: false) }
        // Every claim of the derivation is listed; one with no cell on this grid is said to be untested.
        let seedCheck = try ClaimCheck(claims: Claim.seed(), comparisons: comparisons, alpha: alpha, requireCells: false)
        let fits = ScalingFit.fits(comparisons, alpha: alpha)
        let softmaxSummaries = softmax.run(threads: threads, progress: options.meter("softmax"))
        let lists = distribution.run(threads: threads, progress: options.meter("distribution"))
        let (results, histogramCells) = distribution.analyse(lists, histogramDims: DistributionExperiment.histogramDims(design.grid.dims))
        let outcomes = try models.run(threads: threads, alpha: alpha, progress: options.meter("models"))
        let alignedSummaries = aligned.run(threads: threads, progress: options.meter("aligned key"))

        try files["moments.csv"]!.write(MomentsTable.table(verdict, design: design).bytes)
        try files["controls.csv"]!.write(ControlsTable.table(controls).bytes)
        try files["scaling.csv"]!.write(ScalingTable.table(fits).bytes)
        try files["softmax.csv"]!.write(SoftmaxTable.table(softmax, softmaxSummaries).bytes)
        try files["distribution.csv"]!.write(DistributionTable.table(results, alpha: alpha).bytes)
        try files["histogram.csv"]!.write(HistogramTable.table(histogramCells).bytes)
        var modelsTable = CSVTable(header: MomentsTable.header)
        for outcome in outcomes {
            for row in MomentsTable.table(outcome.verdict, design: outcome.design).rows { modelsTable.append(row) }
        }
        try files["models.csv"]!.write(modelsTable.bytes)
        try files["aligned.csv"]!.write(SoftmaxTable.table(aligned, alignedSummaries).bytes)
        let figures = try Figures.draw(in: outDir, Figures.figures(for: design.grid) + [
            Figures.aligned(rho: 0.5, keys: aligned.cells[0].keys, limit: aligned.cells[0].alignedLimit)])
        if figures.isEmpty { options.say("report: gnuplot not found, figures skipped (apt-get install gnuplot-nox)") }
        let command = (["qkverify"] + Self.resultArguments(CommandLine.arguments.dropFirst()).map(Self.quoted)).joined(separator: " ")
        let document = ReportDocument(design: design, verdict: verdict, seedCheck: seedCheck, controls: controls, fits: fits,
                                      softmax: (softmax, softmaxSummaries), distribution: results, figures: figures, command: command,
                                      models: outcomes, aligned: (aligned, alignedSummaries))
        try files["REPORT.md"]!.write(document.markdown)
        if format == "latex" { try files["tables.tex"]!.write(document.latex) }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        options.say(String(format: "report: %d cells, %d of them fail; %d fits, %d controls, %d figures; wrote %@/REPORT.md in %.1f s",
                           comparisons.count, verdict.failedCells, fits.count, controls.count, figures.count, outDir, seconds))
    }

    /// The arguments that decide the results: without --threads, --quiet and --progress, which cannot
    /// change a byte of them, so the report reads the same whatever the thread count.
    static func resultArguments<S: Sequence>(_ arguments: S) -> [String] where S.Element == String {
        var kept: [String] = []
        var skipNext = false
        for word in arguments {
            if skipNext { skipNext = false; continue }
            if word == "--threads" { skipNext = true; continue }
            if word.hasPrefix("--threads=") || word == "--quiet" || word == "--progress" { continue }
            kept.append(word)
        }
        return kept
    }

    static func quoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./,=:".contains($0) } ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
