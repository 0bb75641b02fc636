import ArgumentParser
import Foundation
import QKSupport
import QKExperiments
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
        let cells = design.grid.cells
        // The family of a moments run on this grid: four tests per cell at most.
        let power = Power(alpha: alpha, tests: 4 * cells.count)
        let showsModel = cells.contains { $0.model.law != .gaussian || !$0.model.isSeedSetting }
        var table = TextTable(header: ["d", "mu", "sigma"] + (showsModel ? ["model"] : []) + ["samples_needed"],
                              rightAligned: showsModel ? [0, 1, 2, 4] : [0, 1, 2, 3])
        var most = 0, unknown = 0
        for cell in cells {
            let needed = power.samplesToDetectVarianceError(target, theory: cell.theory).map { max($0, MomentsDesign.minSamples) }
            if let needed { most = max(most, needed) } else { unknown += 1 }
            table.append([String(cell.d), cell.model.mu.map(NumberText.format) ?? "", cell.model.sigma.map(NumberText.format) ?? ""]
                         + (showsModel ? [cell.model.label] : []) + [needed.map(String.init) ?? "no closed form"])
        }
        var text = table.text
        if unknown > 0 {
            text += "\(unknown) cells have no closed form for the kurtosis of q^T k, so no sample size is planned for them.\n"
        }
        if most > 0 {
            text += String(format: "To detect a %g%% error in Var(q^T k) in every cell with 90%% power at family-wise alpha %g (%d tests): --samples %d\n",
                           100 * target, alpha, power.tests, most)
        }
        try StandardStreams.output(text)
    }
}
