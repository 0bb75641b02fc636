import ArgumentParser
import Foundation
import QKSupport
import QKExperiments
import QKSuite
import QKReporting

/// `qkverify report`: the whole default suite, its tables, figures and REPORT.md.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run the whole suite (moments, controls, scaling, softmax, distribution) and write tables, figures and REPORT.md.",
        discussion: "Figures need gnuplot (apt-get install gnuplot-nox); without it the report is written without them.\n\nExamples:\n  qkverify report          # the default verification, into results/\n  qkverify report --dims 2,8,32 --means 0,1 --sigmas 1 --out-dir /tmp/r\n  qkverify report --figure-size column --out-dir /tmp/paper   # 3.3 in figures")

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @OptionGroup var alpha: AlphaOption
    @Option(parsing: .unconditional, help: ArgumentHelp("Softmax: numbers of keys per query (default: 64).", valueName: "list"), transform: ArgumentText.positiveIntegers)
    var keys: [Int] = [64]
    @Option(parsing: .unconditional, help: ArgumentHelp("Softmax: queries per cell (default: 2000).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, SoftmaxExperiment.allowedQueries) })
    var queries = 2000
    @Option(name: .customLong("collapse-keys"), parsing: .unconditional,
            help: ArgumentHelp("When attention collapses: numbers of keys N, 2 to 10^6 (default: 16,256,4096,65536); each N draws min(--queries, 1000) queries a cell, fewer where that passes 2^24 logits (256 at N = 65536), never under 100.", valueName: "list"),
            transform: ArgumentText.positiveIntegers)
    var collapseKeys: [Int] = VerificationSuite.collapseKeys
    @Option(parsing: .unconditional, help: ArgumentHelp("Distribution: samples per d (kept in memory; default: 1e5).", valueName: "n"),
            transform: { try ArgumentText.wholeNumber($0, DistributionExperiment.allowedSamples) })
    var distributionSamples = 100_000
    @Option(help: ArgumentHelp("The directory to write into.", valueName: "dir"))
    var outDir = "results"
    @Option(help: ArgumentHelp("markdown (REPORT.md), or latex (also tables.tex with booktabs tables).", valueName: "format"))
    var format: ReportFormat = .markdown
    @Option(name: .customLong("figure-size"),
            help: ArgumentHelp("The figures' size at print: column (3.3 in wide, 8 pt text), page (6.5 in, 10 pt) or slide (10 x 5.6 in, 16 pt); the SVG and PNG are the same figure at 96 and 192 pixels per inch.", valueName: "size"))
    var figureSize: FigureSize = .standard

    func run() throws {
        // Every option and output is checked before any work.
        let suite = try VerificationSuite(
            design: grid.design(), alpha: alpha.value(),
            keys: keys, queries: queries, distributionSamples: distributionSamples, collapseKeys: collapseKeys)
        let threads = try options.threadCount()
        let files = try ReportFiles(directory: outDir, latex: format == .latex, option: "--out-dir", figureSize: figureSize)
        let lock = try files.lock()
        defer { lock.release() }
        let started = ContinuousClock.now
        let results = try suite.run(threads: threads, progress: options.meter)
        let command = (["qkverify"] + Self.resultArguments(CommandLine.arguments.dropFirst()).map(Self.quoted)).joined(separator: " ")
        let figures = try files.write(results, command: command).figures
        if figures.isEmpty { options.say("report: gnuplot not found, figures skipped (apt-get install gnuplot-nox)") }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        options.say(String(format: "report: %d cells, %d of them fail; %d fits, %d controls, %d figures; wrote %@/REPORT.md in %.1f s",
                           results.verdict.comparisons.count, results.verdict.failedCells, results.scaling.entries.count,
                           results.controls.count, figures.count, outDir, seconds))
        let failures = results.failures
        if !failures.isEmpty {
            options.say("report: FAILED: " + failures.joined(separator: ", ") + " rejected a closed form the tool holds true")
            throw ExitCode(QKVerifyCommand.failedStatus)
        }
    }

    /// `--format`: what the report is written as.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, latex
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
