import ArgumentParser
import Foundation
import QKVerify

/// `qkverify plan`: the samples per cell a run needs to detect a given error, from the exact law.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the --samples needed to detect a relative error in the variance formula with 90% power.")

    @Option(parsing: .unconditional, help: ArgumentHelp("The relative error in Var(q^T k) to detect, in (0, 1), e.g. 0.01.", valueName: "r"))
    var detect = "0.01"

    @Option(parsing: .unconditional, help: ArgumentHelp("Family-wise false-failure rate of the run planned for, in (0, 0.5].", valueName: "p"))
    var alpha = "0.001"

    @OptionGroup var grid: GridOptions

    func run() throws {
        guard let target = Double(detect), target > 0, target < 1 else {
            throw QKVerifyError.invalidOption("--detect", "'\(detect)' is not allowed; allowed: a number between 0 and 1, e.g. 0.01")
        }
        let alpha = try OptionValue.probability(alpha, option: "--alpha")
        let design = try grid.design()
        let cells = design.grid.cells
        // The family of a moments run on this grid: four tests per cell at most.
        let power = Power(alpha: alpha, tests: 4 * cells.count)
        var table = TextTable(header: ["d", "mu", "sigma", "samples_needed"], rightAligned: [0, 1, 2, 3])
        var most = 0
        for cell in cells {
            let n = max(power.samplesToDetectVarianceError(target, theory: cell.theory), MomentsDesign.minSamples)
            most = max(most, n)
            table.append([String(cell.d), NumberText.format(cell.mu), NumberText.format(cell.sigma), String(n)])
        }
        print(table.text, terminator: "")
        print(String(format: "To detect a %g%% error in Var(q^T k) in every cell with 90%% power at family-wise alpha %g (%d tests): --samples %d",
                     100 * target, alpha, power.tests, most))
    }
}
