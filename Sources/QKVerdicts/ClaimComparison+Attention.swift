import QKModel
import QKStatistics
import QKSampling
import QKClaims
import QKExperiments

extension ClaimComparison {
    /// The tests a claim about attention makes in a softmax run: one per cell and temperature (among
    /// `scales`) of its domain, the claimed expectation against the mean over the queries.
    ///
    /// A test is made where the mean's normal approximation holds at the run's number of queries
    /// (``SoftmaxComparison/queriesNeeded(_:)``) and its standard error is known.
    public static func tests(of claim: Claim, in result: SoftmaxResult, scales: [SoftmaxScale]) -> [ClaimComparison] {
        guard case let .attention(statistic) = claim.quantity else { return [] }
        return result.cells.indices.flatMap { c in
            let softmaxCell = result.cells[c], cell = Cell(d: softmaxCell.d, model: softmaxCell.model)
            return scales.filter { claim.domain.contains(softmaxCell, tau: $0.tau(softmaxCell)) }.map { scale in
                let tau = scale.tau(softmaxCell), unit = statistic.claimUnit(keys: softmaxCell.keys)
                let summary = result.summary(cell: c, scale, statistic)
                let claimed = claim.formula.evaluate(softmaxCell, tau: tau)
                let (estimate, se) = (summary.mean * unit, summary.meanStandardError * unit)
                let needed = SoftmaxComparison.queriesNeeded(summary)
                return ClaimComparison(claim: claim, cell: cell, attention: Attention(keys: softmaxCell.keys, scale: scale, tau: tau),
                                       statistic: nil, isScaled: false, claimed: claimed, estimate: estimate, standardError: se,
                                       isTested: se.isFinite && se > 0 && estimate.isFinite && claimed.isFinite && summary.count >= needed,
                                       samplesNeeded: se.isFinite && se > 0 ? needed : nil, samples: summary.count,
                                       toleranceScale: claimed != 0 ? Swift.abs(claimed) : se * Double(summary.count).squareRoot())
            }
        }
    }
}
