import Foundation
import QKGSL
import QKModel
import QKStatistics
import QKSampling
import QKExperiments

/// An ``AttentionStatement`` judged on a softmax run, step by step between consecutive dimensions of
/// each (model, keys) group, each step comparing two independent cells' means over queries.
///
/// - **increasing**: a step is up where `z = (m2 - m1) / sqrt(se1^2 + se2^2)` exceeds the one-sided
///   `1 - alpha` quantile, and down where it is below minus that quantile (Holm over the steps).
///   The statement is CONFIRMED where every step is up (an intersection-union test: level alpha with
///   no correction), REJECTED where a step is down, UNDECIDED otherwise.
/// - **flat within delta**: each step's relative change `r = m2 / m1 - 1`, with its delta-method SE,
///   is CONFIRMED inside [-delta, delta] where its `1 - 2 alpha` interval is (two one-sided tests, as
///   for claims with `--tolerance`), and REJECTED where `p = 1 - Phi((|r| - delta) / SE)` survives Holm.
///
/// A step is made only where both means' normal approximation holds at the run's queries (the rule
/// of ``SoftmaxComparison/queriesNeeded(_:)``); with none made the statement is UNTESTED.
public struct AttentionStatementCheck: Sendable, Hashable {
    /// One step from dimension `d1` to `d2` in one group.
    public struct Step: Sendable, Hashable {
        /// The group's first cell (its model and keys).
        public let cell: SoftmaxCell
        /// The dimensions compared, `d1 < d2`.
        public let d1: Int, d2: Int
        /// The means over queries and their standard errors.
        public let m1: Estimate, m2: Estimate
        /// The step's statistic: the z of the difference (increasing), or the relative change (flat).
        public let change: Estimate
        /// The p-value of the test that can reject the statement at this step.
        public let p: Double
        /// Whether the step supports the statement at level alpha on its own (up, or inside delta).
        public let supports: Bool
        /// Why the step is not made, or nil where it is.
        public let untestedReason: String?
    }

    /// The statement judged.
    public let statement: AttentionStatement
    /// Its steps, group by group in the run's order, each group in increasing d.
    public let steps: [Step]
    /// The family-wise alpha.
    public let alpha: Double
    /// Per step, whether Holm over the steps made rejects the statement there.
    public let rejected: [Bool]

    /// Judges a statement on a run's means at family-wise alpha.
    public init(_ statement: AttentionStatement, result: SoftmaxResult, alpha: Double) {
        self.statement = statement
        self.alpha = alpha
        var groups: [[Int]] = []
        for (i, cell) in result.cells.enumerated() {
            if let g = groups.firstIndex(where: { result.cells[$0[0]].model == cell.model && result.cells[$0[0]].keys == cell.keys }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        let critical = SpecialFunctions.normalUpperQuantile(alpha)
        var steps: [Step] = []
        for group in groups {
            let ordered = group.sorted { result.cells[$0].d < result.cells[$1].d }
            for (a, b) in zip(ordered, ordered.dropFirst()) {
                let s1 = result.summary(cell: a, statement.scale, statement.statistic)
                let s2 = result.summary(cell: b, statement.scale, statement.statistic)
                steps.append(Self.step(statement, cell: result.cells[a], d1: result.cells[a].d, d2: result.cells[b].d, s1, s2, critical: critical))
            }
        }
        self.steps = steps
        rejected = HolmBonferroni.rejections(steps.map(\.p), made: steps.map { $0.untestedReason == nil }, alpha: alpha)
    }

    static func step(_ statement: AttentionStatement, cell: SoftmaxCell, d1: Int, d2: Int,
                     _ s1: StreamingMoments, _ s2: StreamingMoments, critical: Double) -> Step {
        let m1 = Estimate(value: s1.mean, standardError: s1.meanStandardError)
        let m2 = Estimate(value: s2.mean, standardError: s2.meanStandardError)
        var reason: String?
        for (d, s) in [(d1, s1), (d2, s2)] {
            let needed = SoftmaxComparison.queriesNeeded(s)
            if !(s.meanStandardError.isFinite && s.meanStandardError > 0) {
                reason = "at d = \(d) the statistic does not vary over the queries"
            } else if s.count < needed {
                reason = "at d = \(d) the mean's normal approximation needs about \(needed) queries"
            }
        }
        switch statement.shape {
        case .increasing:
            let se = (m1.standardError * m1.standardError + m2.standardError * m2.standardError).squareRoot()
            let z = (m2.value - m1.value) / se
            return Step(cell: cell, d1: d1, d2: d2, m1: m1, m2: m2, change: Estimate(value: z, standardError: 1),
                        p: SpecialFunctions.normalCDF(z), supports: z > critical, untestedReason: reason)
        case let .flat(delta):
            let ratio = m2.value / m1.value
            let se = (m2.standardError * m2.standardError + ratio * ratio * m1.standardError * m1.standardError).squareRoot() / Swift.abs(m1.value)
            let r = ratio - 1
            if !(se.isFinite && se > 0) && reason == nil { reason = "the relative change has no standard error" }
            return Step(cell: cell, d1: d1, d2: d2, m1: m1, m2: m2, change: Estimate(value: r, standardError: se),
                        p: 1 - SpecialFunctions.normalCDF((Swift.abs(r) - delta) / se),
                        supports: Swift.abs(r) + critical * se <= delta, untestedReason: reason)
        }
    }

    /// The number of steps made.
    public var stepsMade: Int { steps.filter { $0.untestedReason == nil }.count }

    /// REJECTED where a step rejects; CONFIRMED where every step is made and supports it; UNTESTED
    /// with no step made (or no step: one dimension); UNDECIDED otherwise.
    public var verdict: ClaimVerdict {
        if rejected.contains(true) { return .rejected }
        if stepsMade == 0 { return .untested }
        if steps.allSatisfy({ $0.untestedReason == nil && $0.supports }) { return .confirmed }
        return .undecided
    }
}
