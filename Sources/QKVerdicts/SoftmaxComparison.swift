import Foundation
import Synchronization
import QKSupport
import QKGSL
import QKModel
import QKStatistics
import QKSampling
import QKTheory
import QKClaims
import QKExperiments

/// One row of a softmax run, a cell under one temperature, set beside the exact theory of its
/// weights (docs/THEORY.md section 6): for each statistic with an exact expectation, the mean over
/// the queries, the exact value and the z that compares them.
public struct SoftmaxComparison: Sendable, Hashable {
    /// The row of the run compared: its cell's index and its temperature.
    public let row: SoftmaxResult.Row
    /// The cell.
    public let cell: SoftmaxCell
    /// The temperature's rule.
    public let scale: SoftmaxScale
    /// The queries drawn.
    public let samples: Int
    /// One test per statistic of ``SoftmaxStatistic/tested``, in that order.
    public let tests: [Test]

    /// The temperature tau.
    public var tau: Double { scale.tau(cell) }

    /// The test of one statistic.
    public subscript(_ statistic: SoftmaxStatistic) -> Test {
        tests[SoftmaxStatistic.tested.firstIndex(of: statistic)!]
    }

    /// One statistic's mean over the queries against its exact expectation.
    public struct Test: Sendable, Hashable {
        /// What is compared.
        public let statistic: SoftmaxStatistic
        /// The mean over the queries with its standard error, in the statistic's units.
        public let estimate: Estimate
        /// The exact expectation in the same units, its "standard error" the quadrature's error
        /// bound; nil where no exact theory exists.
        public let exact: Estimate?
        /// Why the test is not made, or nil where it is.
        public let untestedReason: String?

        /// Whether the test is made.
        public var isTested: Bool { untestedReason == nil }

        /// (estimate - exact) / standard error; NaN where there is no exact value.
        public var z: Double { ((exact?.value ?? .nan) - estimate.value) / -estimate.standardError }

        /// The two-sided p-value of ``z``.
        public var p: Double { SpecialFunctions.twoSidedP(z) }
    }

    /// The largest fraction of a standard error the theory's error bound may be: 1e-3, so that the
    /// quadrature moves no z by more than 0.001.
    public static let boundShareOfSE = 1e-3

    /// The relative accuracy asked of the theory, as a share of the smallest relative standard error.
    static let toleranceShareOfSE = 2e-4

    /// A row's comparison.
    ///
    /// - Parameters:
    ///   - summaries: each tested statistic's summary over the queries, in ``SoftmaxStatistic/tested`` order.
    ///   - exact: the theory's expectations at this row's temperature, or nil where none exists.
    ///   - missing: why there is no theory, where `exact` is nil.
    init(row: SoftmaxResult.Row, cell: SoftmaxCell, summaries: [StreamingMoments], exact: AttentionExpectations?, missing: String?) {
        self.row = row
        self.cell = cell
        self.scale = row.scale
        samples = summaries.first?.count ?? 0
        tests = zip(SoftmaxStatistic.tested, summaries).map { statistic, summary in
            let estimate = Estimate(value: summary.mean, standardError: summary.meanStandardError)
            guard let exact else {
                return Test(statistic: statistic, estimate: estimate, exact: nil, untestedReason: "no exact theory: \(missing ?? "")")
            }
            let unit = statistic.claimUnit(keys: cell.keys) / statistic.exactFactor(cell)
            let value = exact[statistic.exact!]
            let scaled = Estimate(value: value.value / unit, standardError: value.errorBound / unit)
            return Test(statistic: statistic, estimate: estimate, exact: scaled,
                        untestedReason: SoftmaxComparison.untestedReason(summary, exact: scaled))
        }
    }

    /// Why a mean over queries cannot be compared with an exact value, or nil where it can: the
    /// value must be known to far better than the standard error, the standard error must be known,
    /// and the mean's normal approximation must hold (its sampling skewness and excess kurtosis,
    /// from the per-query values' own, within ``SamplingSkewness``'s limits).
    static func untestedReason(_ summary: StreamingMoments, exact: Estimate) -> String? {
        let se = summary.meanStandardError
        guard exact.value.isFinite else { return "the quadrature did not converge" }
        guard se.isFinite, se > 0 else { return "the statistic does not vary over the queries" }
        guard exact.standardError <= boundShareOfSE * se else {
            return "the quadrature's error bound \(NumberText.short(exact.standardError)) is over \(NumberText.short(boundShareOfSE)) of the standard error"
        }
        let needed = queriesNeeded(summary)
        guard summary.count >= needed else { return "the mean's normal approximation needs about \(needed) queries" }
        return nil
    }

    /// The fewest queries at which the normal approximation of a mean over queries holds: its
    /// sampling skewness `|g1| / sqrt(n)` and excess kurtosis `|g2| / n`, from the per-query values'
    /// own skewness g1 and excess kurtosis g2, within ``SamplingSkewness``'s limits (the rule the
    /// moment tests use; docs/THEORY.md section 5).
    public static func queriesNeeded(_ summary: StreamingMoments) -> Int {
        let shape = summary.shape
        let (g1, g2) = (shape.skewness.value, shape.kurtosis.value)
        guard g1.isFinite, g2.isFinite else { return 0 }
        let needed = max((g1 / SamplingSkewness.limit) * (g1 / SamplingSkewness.limit), Swift.abs(g2) / SamplingSkewness.kurtosisLimit)
        return Int(min(needed, 1e15).rounded(.up))
    }

    /// The comparisons of a softmax run, row by row, the theory
    /// computed on `threads` threads (each row's is independent, so the result does not depend on them).
    ///
    /// Each row's theory is asked to a relative accuracy of ``toleranceShareOfSE`` of the smallest
    /// relative standard error among its statistics (between 1e-10 and 1e-4), so its bound comes out
    /// under ``boundShareOfSE`` of every standard error where the quadrature converges.
    /// - Parameter rows: the rows compared (by default ``SoftmaxResult/rows``).
    public static func compare(_ result: SoftmaxResult, rows: [SoftmaxResult.Row]? = nil, threads: Int = 1) -> [SoftmaxComparison] {
        let rows = rows ?? result.rows
        let summaries = rows.map { row in SoftmaxStatistic.tested.map { result.summary(cell: row.cell, row.scale, $0) } }
        let theories = rows.map { row in result.cells[row.cell].attentionTheory(temperature: row.scale.tau(result.cells[row.cell])) }
        // Rows with one theory (tau = 1 = sqrt(d) at d = 1, say) share its computation, at the
        // strictest tolerance any of them asks.
        var tolerances: [AttentionTheory: Double] = [:]
        for i in rows.indices {
            guard let theory = theories[i] else { continue }
            let relative = summaries[i].map { $0.meanStandardError / Swift.abs($0.mean) }.filter { $0.isFinite && $0 > 0 }.min() ?? 1e-6
            let tolerance = min(1e-4, max(1e-10, toleranceShareOfSE * relative))
            tolerances[theory] = min(tolerances[theory] ?? 1, tolerance)
        }
        let work = tolerances.sorted { "\($0.key)" < "\($1.key)" }
        let expectations = Mutex<[AttentionTheory: AttentionExpectations]>([:])
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, work.count))) { _ in
            while true {
                let k = next.withLock { k in defer { k += 1 }; return k }
                guard k < work.count else { return }
                let e = work[k].key.expectations(tolerance: work[k].value)
                expectations.withLock { $0[work[k].key] = e }
            }
        }
        let computed = expectations.withLock { $0 }
        return rows.indices.map { i in
            let cell = result.cells[rows[i].cell]
            return SoftmaxComparison(row: rows[i], cell: cell, summaries: summaries[i], exact: theories[i].flatMap { computed[$0] },
                                     missing: cell.attentionTheoryMissing ?? cell.attentionTheoryOutOfRange(temperature: rows[i].scale.tau(cell)))
        }
    }
}
