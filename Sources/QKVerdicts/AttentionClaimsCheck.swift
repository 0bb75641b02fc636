import Foundation
import QKModel
import QKSampling
import QKExperiments

/// `check --claims attention`: the tool's own exact theory of the weights and the seed's "very
/// peaked softmax as d grows", judged on one softmax run.
///
/// Two families share the family-wise alpha, split in proportion to their tests (Bonferroni between
/// them, Holm within each, so the whole is still at most alpha): every mean of the run against the
/// exact finite-N theory (``SoftmaxVerdict``), and the steps of the seed's two statements
/// (``AttentionStatement/seed(tolerance:)``).
public struct AttentionClaimsCheck: Sendable, Hashable {
    /// The run's means against the exact theory.
    public let theory: SoftmaxVerdict
    /// The seed's statements, judged.
    public let statements: [AttentionStatementCheck]
    /// The family-wise alpha of the whole.
    public let alpha: Double

    /// The flat statement's relative step where `--tolerance` does not give one: 5%.
    public static let defaultTolerance = 0.05

    /// Judges a run at family-wise alpha; `tolerance` is the flat statement's relative step.
    public init(_ result: SoftmaxResult, scales: [SoftmaxScale], alpha: Double, tolerance: Double, threads: Int = 1) {
        let comparisons = SoftmaxComparison.compare(result, rows: result.rows { _ in scales }, threads: threads)
        let seed = AttentionStatement.seed(tolerance: tolerance)
        let theoryTests = comparisons.reduce(0) { $0 + $1.tests.filter(\.isTested).count }
        let steps = seed.map { AttentionStatementCheck($0, result: result, alpha: alpha).stepsMade }.reduce(0, +)
        let share = Double(theoryTests) / Double(max(1, theoryTests + steps))
        theory = SoftmaxVerdict(comparisons, alpha: alpha * share)
        statements = seed.map { AttentionStatementCheck($0, result: result, alpha: alpha * (1 - share)) }
        self.alpha = alpha
    }

    /// The theory's verdict: REJECTED where a mean fails, UNTESTED where none could be tested,
    /// else NOT REJECTED (an exact value is never confirmed within a tolerance here).
    public var theoryVerdict: ClaimVerdict {
        if !theory.allPass { return .rejected }
        return theory.testsMade == 0 ? .untested : .notRejected
    }

    /// Every verdict: the theory's, then each statement's.
    public var verdicts: [ClaimVerdict] { [theoryVerdict] + statements.map(\.verdict) }

    /// 1 when any is rejected, 5 when any is untested or undecided, else 0.
    public var exitStatus: Int32 { ClaimVerdict.exitStatus(verdicts) }
}
