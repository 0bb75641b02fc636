import ArgumentParser
import Foundation
import QKVerify

/// `qkverify moments`: estimate the moments of q^T k over a grid and write them beside the closed forms.
struct MomentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moments",
        abstract: "Estimate E and Var of q^T k over a grid and compare them with the closed forms.")

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @Option(help: ArgumentHelp("The CSV table to write (whole or not at all).", valueName: "path"))
    var out = "results/moments.csv"

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate over every test in the run, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"

    func run() throws {
        let design = try grid.design()
        let threads = try options.threadCount()
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let output = try OutputFile(path: out, option: "--out")
        let started = ContinuousClock.now
        let results = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("moments"))
        let rows = results.map(MomentComparison.init)
        let verdict = MomentsVerdict(rows, alpha: alpha)
        try output.write(MomentsTable.table(verdict, design: design).bytes)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let worstZ = rows.map { $0.zScores.map(abs).max()! }.max() ?? 0
        let worstRSE = rows.map(\.varianceRelativeSE).max() ?? 0
        options.say(String(format: "moments: %d cells, %.3g draws in %.1f s (%.3g draws/s, %d threads); largest |z| %.2f, largest relative SE of a variance %.2f%%; %d of %d cells fail at alpha %g; wrote %@",
                       rows.count, design.plan.totalDraws, seconds, design.plan.totalDraws / seconds, threads,
                       worstZ, 100 * worstRSE, verdict.failedCells, rows.count, alpha, out))
    }
}
