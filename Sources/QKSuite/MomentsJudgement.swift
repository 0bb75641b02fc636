import Foundation
import QKTheory
import QKExperiments
import QKVerdicts

/// A moments run judged, as `moments` and `merge` report it: the verdicts of every cell, the
/// negative controls when asked for, and the numbers of the one-line summary.
public struct MomentsJudgement: Sendable {
    /// The design run.
    public let design: MomentsDesign
    /// Every cell's tests, Holm-corrected together.
    public let verdict: MomentsVerdict
    /// The negative controls judged on the same cells, or nil when not asked for.
    package let controls: [ControlResult]?

    /// Judges a run's results at family-wise level alpha.
    ///
    /// - Parameter controls: whether to judge the negative controls too.
    public init(_ results: [CellResult], design: MomentsDesign, alpha: Double, controls: Bool) throws {
        let comparisons = results.map(MomentComparison.init)
        self.design = design
        verdict = MomentsVerdict(comparisons, alpha: alpha)
        self.controls = controls ? try NegativeControl.standard.map { try ControlResult($0, comparisons: comparisons, alpha: alpha) } : nil
    }

    /// The largest |z| of any statistic in any cell.
    public var largestZ: Double {
        verdict.comparisons.map { c in MomentStatistic.all.map { abs(c[$0].z) }.max()! }.max() ?? 0
    }

    /// The largest relative standard error of a variance estimate.
    public var largestVarianceRelativeSE: Double { verdict.comparisons.map(\.varianceRelativeSE).max() ?? 0 }

    /// What the controls show: "controls: 5 of 6 wrong formulas detected, 9 of 9 true ones not rejected", or nil.
    public var controlsSummary: String? {
        guard let controls else { return nil }
        let wrong = controls.filter { !$0.control.isTrue }
        return "controls: \(wrong.filter { $0.status == .detected }.count) of \(wrong.count) wrong formulas detected, "
            + "\(controls.filter { $0.status == .pass }.count) of \(controls.count - wrong.count) true ones not rejected"
    }

    /// What the run shows, in one line: cells, draws, largest |z| and relative SE, cells that fail.
    public var summary: String {
        let cells = verdict.comparisons.count
        return String(format: "%d cells, %.3g draws; largest |z| %.2f, largest relative SE of a variance %.2f%%; %d of %d cells fail at alpha %g",
                      cells, design.plan.totalDraws, largestZ, 100 * largestVarianceRelativeSE, verdict.failedCells, cells, verdict.alpha)
    }
}
