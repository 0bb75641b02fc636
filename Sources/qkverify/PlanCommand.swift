import ArgumentParser
import Foundation
import QKSupport
import QKVerdicts
import QKReporting

/// `qkverify plan`: the samples per cell a run needs to detect a given error, from the exact law.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the --samples needed to detect a relative error in the variance formula with 90% power.",
        discussion: "Examples:\n  qkverify plan --dims 1,16,64 --means 0 --sigmas 1 --detect 0.01")

    @Option(parsing: .unconditional, help: ArgumentHelp("The relative error in Var(q^T k) to detect, in (0, 1), e.g. 0.01 (default: 0.01).", valueName: "r"),
            transform: PlanCommand.relativeError)
    var detect = 0.01

    static func relativeError(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value > 0, value < 1 else {
            throw ArgumentText.Invalid("'\(text)' is not allowed; allowed: a number between 0 and 1, e.g. 0.01")
        }
        return value
    }

    @OptionGroup var alpha: AlphaOption

    @OptionGroup var grid: GridOptions

    func run() throws {
        let target = detect
        let alpha = try self.alpha.value()
        // plan draws nothing: options that only shape a sampling run would be silently ignored.
        for (given, option) in [(grid.samples != nil, "--samples"), (grid.stream.seed != nil, "--seed"), (grid.stream.rng != nil, "--rng"),
                                (grid.stream.blockSize != nil, "--block-size")] where given {
            throw QKVerifyError.invalidOption(option, "plan draws no samples, so it has no use for \(option); allowed: leave it out (plan computes the --samples a run needs)")
        }
        let design = try grid.design()
        let plan = SamplePlan(grid: design.grid, relativeError: target, alpha: alpha)
        let showsModel = plan.cells.contains { $0.cell.model.law != .gaussian || !$0.cell.model.isSeedSetting }
        var table = TextTable(header: ["d", "mu", "sigma"] + (showsModel ? ["model"] : []) + ["samples_needed"],
                              rightAligned: showsModel ? [0, 1, 2, 4] : [0, 1, 2, 3])
        for (cell, needed) in plan.cells {
            table.append([String(cell.d), cell.model.mu.map(NumberText.format) ?? "", cell.model.sigma.map(NumberText.format) ?? ""]
                         + (showsModel ? [cell.model.label] : []) + [needed.map(String.init) ?? "no closed form"])
        }
        var text = table.text
        if plan.unplanned > 0 {
            text += "\(plan.unplanned) cells have no closed form for the kurtosis of q^T k, so no sample size is planned for them.\n"
        }
        if plan.samples > 0 {
            // The count is interpolated, never formatted with %d: a 64-bit count printed as a C int wraps.
            text += String(format: "To detect a %g%% error in Var(q^T k) in every cell with 90%% power at family-wise alpha %g (%d tests): --samples ",
                           100 * target, alpha, plan.power.tests) + "\(plan.samples)\n"
        }
        try StandardStreams.output(text)
    }
}
