import QKModel
import QKStatistics
import QKTheory
import QKExperiments
import QKVerdicts
/// What a ``VerificationSuite`` measured, each experiment with its verdicts: the input of every
/// table, figure and report written from it.
public struct SuiteResults: Sendable {
    /// The suite that ran.
    public let suite: VerificationSuite
    /// The moments run's comparisons, judged.
    public let verdict: MomentsVerdict
    /// The seed derivation's claims, judged on the moments run.
    public let seedCheck: ClaimCheck
    /// The negative controls, judged on the moments run.
    package let controls: [ControlResult]
    /// The fits of Var(T) against d, judged.
    public let scaling: ScalingVerdict
    /// The softmax experiment's summary of each cell.
    public let softmax: SoftmaxResult
    /// The softmax experiment against the exact theory of its weights, judged.
    public let softmaxVerdict: SoftmaxVerdict
    /// The distribution tests, judged.
    public let distribution: DistributionVerdict
    /// The distribution results the histograms show (their bins and the exact law's probabilities).
    package let histogram: [DistributionResult]
    /// The tour of the models beyond the seed derivation.
    package let models: [ModelsSuite.Outcome]
    /// The aligned-key experiment's summary of each cell.
    public let aligned: SoftmaxResult
    /// The aligned-key experiment's verdict (no exact theory: an aligned key is not like the others).
    public let alignedVerdict: SoftmaxVerdict
    /// The collapse experiment's summary of each cell.
    public let collapse: SoftmaxResult
    /// The collapse experiment against the exact theory, at tau = 1, sqrt(d) and d, judged.
    public let collapseVerdict: SoftmaxVerdict

    /// The moments run's design.
    public var design: MomentsDesign { suite.design }

    /// What of the tool's own closed forms the run rejected, one phrase each (empty when all held): a
    /// moments cell, a scaling fit, an exact distribution test, a true control. The normal
    /// approximation failing at small d, and wrong controls detected, are findings, not failures.
    public var failures: [String] {
        var failures: [String] = []
        if verdict.failedCells > 0 { failures.append("\(verdict.failedCells) moments cells") }
        if softmaxVerdict.failedRows > 0 { failures.append("\(softmaxVerdict.failedRows) softmax rows") }
        if collapseVerdict.failedRows > 0 { failures.append("\(collapseVerdict.failedRows) collapse rows") }
        if scaling.rejectedCount > 0 { failures.append("\(scaling.rejectedCount) scaling fits") }
        let exact = zip(distribution.exactRejected, distribution.chiSquareRejected).filter { $0 || $1 }.count
        if exact > 0 { failures.append("\(exact) exact distribution tests") }
        let trueControls = controls.filter { $0.control.isTrue && $0.status == .falseFailure }.count
        if trueControls > 0 { failures.append("\(trueControls) true controls") }
        return failures
    }
}
