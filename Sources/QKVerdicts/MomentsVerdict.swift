import QKTheory
/// The verdicts of a moments run: every cell's four z-tests judged together by Holm's procedure at
/// family-wise false-failure rate alpha, with what each cell could have detected.
public struct MomentsVerdict: Sendable, Hashable {
    /// The per-cell comparisons, in cell order.
    public let comparisons: [MomentComparison]
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// Per cell, the statistics whose test is rejected.
    public let rejected: [Set<MomentStatistic>]
    /// Per cell, the statistics whose test is made (its normal approximation holds at this n).
    public let tested: [Set<MomentStatistic>]
    /// The power analysis for this family of tests.
    public let power: Power

    /// Judges a run's comparisons at family-wise level alpha.
    public init(_ comparisons: [MomentComparison], alpha: Double) {
        self.comparisons = comparisons
        self.alpha = alpha
        let tests = comparisons.indices.flatMap { c in MomentStatistic.all.map { (cell: c, statistic: $0) } }
        let made = tests.map { comparisons[$0.cell].isTested($0.statistic) }
        let rejections = HolmBonferroni.rejections(tests.map { comparisons[$0.cell][$0.statistic].p }, made: made, alpha: alpha)
        var rejected = [Set<MomentStatistic>](repeating: [], count: comparisons.count)
        var tested = rejected
        for (i, test) in tests.enumerated() {
            if made[i] { tested[test.cell].insert(test.statistic) }
            if rejections[i] { rejected[test.cell].insert(test.statistic) }
        }
        self.rejected = rejected
        self.tested = tested
        power = Power(alpha: alpha, tests: made.filter { $0 }.count)
    }

    /// Whether every test in the run passes.
    public var allPass: Bool { rejected.allSatisfy(\.isEmpty) }

    /// The number of cells with a rejected test.
    public var failedCells: Int { rejected.filter { !$0.isEmpty }.count }

    /// Whether a statistic's test in cell c is rejected.
    public func isRejected(_ statistic: MomentStatistic, cell c: Int) -> Bool { rejected[c].contains(statistic) }

    /// Whether a statistic's test in cell c is made (its normal approximation holds at this n).
    public func isTested(_ statistic: MomentStatistic, cell c: Int) -> Bool { tested[c].contains(statistic) }

    /// Cell c's rejected statistics, in ``MomentStatistic/all`` order.
    public func rejectedTests(cell c: Int) -> [MomentStatistic] {
        MomentStatistic.all.filter { isRejected($0, cell: c) }
    }

    /// Cell c's statistics not tested, in ``MomentStatistic/all`` order.
    public func untestedTests(cell c: Int) -> [MomentStatistic] {
        MomentStatistic.all.filter { !isTested($0, cell: c) }
    }

    /// The smallest absolute error in a statistic's formula that cell c detects with 90% power.
    public func minimumDetectable(_ statistic: MomentStatistic, cell c: Int) -> Double {
        power.minimumDetectable(standardError: comparisons[c][statistic].estimate.standardError)
    }

    /// The smallest absolute error in the mean formula cell c detects with 90% power.
    public func meanMinimumDetectable(cell c: Int) -> Double { minimumDetectable(.mean, cell: c) }

    /// The smallest relative error in the variance formula cell c detects with 90% power.
    public func varianceMinimumDetectable(cell c: Int) -> Double {
        minimumDetectable(.variance, cell: c) / comparisons[c][.variance].estimate.value
    }
}
