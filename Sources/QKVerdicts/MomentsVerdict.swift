import QKGSL
/// The verdicts of a moments run: every cell's four z-tests judged together by Holm's procedure at
/// family-wise false-failure rate alpha, with what each cell could have detected.
public struct MomentsVerdict: Sendable, Hashable {
    /// The per-cell comparisons, in cell order.
    public let comparisons: [MomentComparison]
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// `rejected[c][t]`: whether test t (``MomentTest`` order) of cell c is rejected.
    public let rejected: [[Bool]]
    /// `tested[c][t]`: whether test t of cell c is made (its normal approximation holds at this n).
    public let tested: [[Bool]]
    /// The power analysis for this family of tests.
    public let power: Power

    /// Judges a run's comparisons at family-wise level alpha.
    public init(_ comparisons: [MomentComparison], alpha: Double) {
        self.comparisons = comparisons
        self.alpha = alpha
        tested = comparisons.map { c in MomentTest.allCases.map(c.isTested) }
        // Only the tests made enter the family.
        var p: [Double] = []
        for (c, comparison) in comparisons.enumerated() {
            for (t, z) in comparison.zScores.enumerated() where tested[c][t] { p.append(SpecialFunctions.twoSidedP(z)) }
        }
        var flat = HolmBonferroni.rejections(p, alpha: alpha).makeIterator()
        rejected = tested.map { row in row.map { $0 ? flat.next()! : false } }
        power = Power(alpha: alpha, tests: p.count)
    }

    /// Whether every test in the run passes.
    public var allPass: Bool { !rejected.joined().contains(true) }

    /// The number of cells with a rejected test.
    public var failedCells: Int { rejected.filter { $0.contains(true) }.count }

    /// Whether test t of cell c is rejected.
    public func isRejected(_ t: MomentTest, cell c: Int) -> Bool { rejected[c][t.index] }

    /// Whether test t of cell c is made (its normal approximation holds at this n).
    public func isTested(_ t: MomentTest, cell c: Int) -> Bool { tested[c][t.index] }

    /// Cell c's rejected tests, in ``MomentTest`` order.
    public func rejectedTests(cell c: Int) -> [MomentTest] {
        MomentTest.allCases.filter { isRejected($0, cell: c) }
    }

    /// Cell c's tests not made, in ``MomentTest`` order.
    public func untestedTests(cell c: Int) -> [MomentTest] {
        MomentTest.allCases.filter { !isTested($0, cell: c) }
    }

    /// The smallest absolute error in the mean formula cell c detects with 90% power.
    public func meanMinimumDetectable(cell c: Int) -> Double {
        power.minimumDetectable(standardError: comparisons[c].meanSE)
    }

    /// The smallest relative error in the variance formula cell c detects with 90% power.
    public func varianceMinimumDetectable(cell c: Int) -> Double {
        power.minimumDetectable(standardError: comparisons[c].varianceSE) / comparisons[c].varianceEstimate
    }
}
