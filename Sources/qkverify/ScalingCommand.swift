import ArgumentParser
import Foundation
import QKSupport
import QKExperiments
import QKVerdicts
import QKReporting

/// `qkverify scaling`: fit Var(T) = c d^b for each (mu, sigma) and test b = 1.
struct ScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaling",
        abstract: "Fit log Var(q^T k) = a + b log d by weighted least squares and test the slope b = 1.",
        discussion: "Examples:\n  qkverify scaling --dims 1,2,4,...,512 --means 0,1 --sigmas 1 --format text")

    @OptionGroup var grid: GridOptions
    @OptionGroup var options: RunOptions

    @OptionGroup var alpha: AlphaOption

    @Option(help: ArgumentHelp("The CSV table to write.", valueName: "path"))
    var out = "results/scaling.csv"

    @Option(help: ArgumentHelp("Also print the table on standard output: text, markdown or latex (the main columns), csv or json (all).", valueName: "format"))
    var format: TableFormat?

    func run() throws {
        let design = try grid.design()
        let alpha = try self.alpha.value()
        guard design.grid.dims.count >= 2 else {
            throw QKVerifyError.invalidOption("--dims", "a slope needs at least two dimensions; allowed: a list of 2 or more")
        }
        let output = try OutputFile(path: out, option: "--out")
        let threads = try options.threadCount()
        let rows = MomentsExperiment(design: design, threads: threads).run(progress: options.meter("scaling"))
            .map(MomentComparison.init)
        let verdict = ScalingVerdict(rows, alpha: alpha)
        try TableDestination(out: output, format: format, readerColumns: ScalingTable.textColumns).write(ScalingTable.table(verdict))
        let slopes = verdict.entries.map { $0.fit.map { String(format: "%.4f", $0.slope) } ?? "untested" }.joined(separator: ", ")
        let untested = verdict.untestedCount > 0 ? " (\(verdict.untestedCount) untested: fewer than two dimensions where double precision can estimate the variance)" : ""
        options.say("scaling: \(verdict.entries.count) fits, slopes \(slopes); \(verdict.rejectedCount) reject slope 1 at alpha \(alpha)\(untested); wrote \(out)")
        if verdict.rejectedCount > 0 { throw ExitCode(QKVerifyCommand.failedStatus) }
        if verdict.untestedCount > 0 { throw ExitCode(QKVerifyCommand.untestedStatus) }
    }
}
