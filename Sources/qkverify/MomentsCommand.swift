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

    @Option(help: ArgumentHelp("Also judge the negative controls (true and plausible wrong formulas) and write them here.", valueName: "path"))
    var controls: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate over every test in the run, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"

    func run() throws {
        let design = try grid.design()
        let threads = try options.threadCount()
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let output = try OutputFile(path: out, option: "--out")
        let controlsOutput = try controls.map { try OutputFile(path: $0, option: "--controls") }
        let started = ContinuousClock.now
        let results = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("moments"))
        let rows = results.map(MomentComparison.init)
        let verdict = MomentsVerdict(rows, alpha: alpha)
        let controlResults = try controlsOutput.map { _ in
            try NegativeControl.standard.map { try ControlResult($0, comparisons: rows, alpha: alpha) }
        }
        try output.write(MomentsTable.table(verdict, design: design).bytes)
        if let controlsOutput, let controlResults {
            try controlsOutput.write(ControlsTable.table(controlResults).bytes)
            let wrong = controlResults.filter { !$0.control.isTrue }
            options.say("controls: \(wrong.filter { $0.status == .detected }.count) of \(wrong.count) wrong formulas detected, \(controlResults.filter { $0.status == .pass }.count) of \(controlResults.count - wrong.count) true ones pass; wrote \(controlsOutput.path)")
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let worstZ = rows.map { $0.zScores.map(abs).max()! }.max() ?? 0
        let worstRSE = rows.map(\.varianceRelativeSE).max() ?? 0
        options.say(String(format: "moments: %d cells, %.3g draws in %.1f s (%.3g draws/s, %d threads); largest |z| %.2f, largest relative SE of a variance %.2f%%; %d of %d cells fail at alpha %g; wrote %@",
                       rows.count, design.plan.totalDraws, seconds, design.plan.totalDraws / seconds, threads,
                       worstZ, 100 * worstRSE, verdict.failedCells, rows.count, alpha, out))
    }
}
