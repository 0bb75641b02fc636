import QKModel
import QKTheory
import QKClaims
import QKExperiments
/// A negative control judged on a run: where it was rejected, and for a wrong formula the run could
/// not tell apart, the cell and sample count that would.
package struct ControlResult: Sendable, Hashable {
    /// What a control's outcome means.
    package enum Status: String, Sendable {
        /// A true formula, rejected nowhere: as it should be (which is "not rejected", not "proved").
        case pass = "not rejected"
        /// A true formula rejected somewhere: a false failure (expected in at most alpha of runs).
        case falseFailure = "false failure"
        /// A wrong formula rejected somewhere: as it should be.
        case detected
        /// A wrong formula rejected nowhere: the grid or the sample count cannot tell it from the truth.
        case undetected
        /// No test of the formula could be made: its statistic is too far from normal at this n.
        case untested
    }

    /// The formula judged, and whether it is true.
    package let control: NegativeControl
    /// The control's tests, judged as their own family at the run's alpha.
    package let check: ClaimCheck
    /// How the formula fared: detected, undetected, not rejected or untested.
    package let status: Status
    /// For an undetected wrong formula: the cell and sample count that detect it with 90% power.
    package let catchWith: (cell: Cell, samples: Int)?

    package static func == (a: ControlResult, b: ControlResult) -> Bool {
        a.control == b.control && a.check == b.check && a.status == b.status
            && a.catchWith?.cell == b.catchWith?.cell && a.catchWith?.samples == b.catchWith?.samples
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(control) }

    /// Judges a control on a run's comparisons.
    package init(_ control: NegativeControl, comparisons: [MomentComparison], alpha: Double, requireCells: Bool = true) throws {
        self.control = control
        self.check = try ClaimCheck(claims: [control.claim], comparisons: comparisons, alpha: alpha, requireCells: requireCells)
        let rejected = !check.holds(control.claim)
        switch (control.isTrue, rejected) {
        case _ where check.cellCounts(control.claim).tested == 0: status = .untested
        case (true, false): status = .pass
        case (true, true): status = .falseFailure
        case (false, true): status = .detected
        case (false, false): status = .undetected
        }
        catchWith = status == .undetected || (status == .untested && !control.isTrue)
            ? ControlResult.catchingCell(control.claim, alpha: alpha) : nil
    }

    /// Whether the control is a wrong formula the run did not detect and no cell tried could tell
    /// from the truth (``catchWith`` is nil where it was sought).
    package var isIndistinguishable: Bool {
        catchWith == nil && (status == .undetected || (status == .untested && !control.isTrue))
    }

    /// The cell of a wide grid where a wrong claim is cheapest to detect (90% power, single test at
    /// alpha), from the exact law: nil when it matches the truth on every cell tried.
    static func catchingCell(_ claim: Claim, alpha: Double) -> (cell: Cell, samples: Int)? {
        let z = Power(alpha: alpha, tests: 1).detectableZ
        var best: (cell: Cell, samples: Int)?
        let cells = [0, 0.5, 1, 2].flatMap { mu in
            [0.5, 1, 2].flatMap { sigma in (0...10).map { Cell(d: 1 << $0, mu: mu, sigma: sigma) } }
        }
        for cell in cells {
            guard claim.domain.contains(cell) else { continue }
            let t = cell.theory
            let value = claim.formula.evaluate(cell)
            // The statistic's exact error with one sample, and how far the claim is from the truth.
            let (difference, unitSE, kind): (Double, Double, MomentStatistic) = switch claim.quantity {
            case let .moment(statistic):
                (value - statistic.theory(t, samples: 1).value, statistic.unitStandardError(t), statistic)
            case .scale:
                (1 - t.variance / (value * value), MomentStatistic.variance.unitStandardError(t) / (value * value), .variance)
            case .attention:
                (.nan, .nan, .mean)  // the controls are claims about T
            }
            guard difference.isFinite, Swift.abs(difference) > 1e-12 * max(Swift.abs(value), 1) else { continue }
            let ratio = z * unitSE / Swift.abs(difference)
            guard let reliable = SamplingSkewness(t).samplesNeeded(kind), ratio * ratio < 9e18 else { continue }
            let needed = max(Int((ratio * ratio).rounded(.up)), MomentsDesign.minSamples, reliable)
            if best == nil || needed < best!.samples { best = (cell, needed) }
        }
        return best
    }
}
