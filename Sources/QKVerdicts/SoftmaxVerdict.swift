import QKSampling

/// The verdicts of a softmax run: every row's comparisons with the exact theory judged together by
/// Holm's procedure at family-wise false-failure rate alpha.
public struct SoftmaxVerdict: Sendable, Hashable {
    /// The rows' comparisons, in row order.
    public let comparisons: [SoftmaxComparison]
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// Per row, the statistics whose test is rejected.
    public let rejected: [Set<SoftmaxStatistic>]
    /// The power analysis for this family of tests.
    public let power: Power

    /// Judges a run's comparisons at family-wise level alpha.
    public init(_ comparisons: [SoftmaxComparison], alpha: Double) {
        self.comparisons = comparisons
        self.alpha = alpha
        let tests = comparisons.indices.flatMap { r in comparisons[r].tests.map { (row: r, test: $0) } }
        let rejections = HolmBonferroni.rejections(tests.map(\.test.p), made: tests.map(\.test.isTested), alpha: alpha)
        var rejected = [Set<SoftmaxStatistic>](repeating: [], count: comparisons.count)
        for (i, test) in tests.enumerated() where rejections[i] { rejected[test.row].insert(test.test.statistic) }
        self.rejected = rejected
        power = Power(alpha: alpha, tests: max(1, tests.filter(\.test.isTested).count))
    }

    /// The number of tests made.
    public var testsMade: Int { comparisons.reduce(0) { $0 + $1.tests.filter(\.isTested).count } }

    /// Whether every test made passes.
    public var allPass: Bool { rejected.allSatisfy(\.isEmpty) }

    /// The number of rows with a rejected test.
    public var failedRows: Int { rejected.filter { !$0.isEmpty }.count }

    /// A row's status: `fail` (a test rejected), `untested` (no test made), else `pass`.
    public func status(row r: Int) -> String {
        !rejected[r].isEmpty ? "fail" : comparisons[r].tests.contains(where: \.isTested) ? "pass" : "untested"
    }

    /// A row's rejected statistics, in ``SoftmaxStatistic/tested`` order.
    public func rejectedTests(row r: Int) -> [SoftmaxStatistic] {
        SoftmaxStatistic.tested.filter { rejected[r].contains($0) }
    }
}
