import QKModel
import QKExperiments
/// The distribution tests judged: each test (KS against the exact law, chi-square against it, KS
/// against the normal) is its own family, Holm-corrected over its cells at alpha. Every table and
/// sentence about the distribution reads its verdicts from here.
///
/// A cell whose samples double precision cannot hold (T / sigma^2 overflows at sigma = 1e300 and is
/// 0 / 0 at 1e-170: every sample NaN, every bin empty, and a KS distance of 0) is untested: none of
/// its tests is made, counted in a family, passed or failed (``NumericalRange``, order 1).
public struct DistributionVerdict: Sendable {
    /// The cells' test results.
    public let results: [DistributionResult]
    /// Why each cell's tests cannot be made, or nil where they are.
    public let untested: [String?]
    /// Whether each cell's KS test against the exact law is rejected.
    public let exactRejected: [Bool]
    /// Whether each cell's chi-square test against the exact law is rejected.
    public let chiSquareRejected: [Bool]
    /// Whether each cell's KS test against N(0, 1) is rejected.
    public let normalRejected: [Bool]

    /// Judges the results at family-wise alpha per test, over the cells whose tests can be made.
    public init(_ results: [DistributionResult], alpha: Double) {
        self.results = results
        // At mu = 0 T's spread is sigma_q sigma_k sqrt(d), computed without squaring it.
        let untested = results.map { r in
            NumericalRange.problem(order: 1, cell: r.cell, samples: r.samples,
                                   spread: r.cell.model.sigmaQ * r.cell.model.sigmaK * Double(r.cell.d).squareRoot())
        }
        self.untested = untested
        let made = untested.map { $0 == nil }
        exactRejected = HolmBonferroni.rejections(results.map(\.exact.p), made: made, alpha: alpha)
        chiSquareRejected = HolmBonferroni.rejections(results.map(\.chiSquare.p), made: made, alpha: alpha)
        normalRejected = HolmBonferroni.rejections(results.map(\.normal.p), made: made, alpha: alpha)
    }

    /// Whether cell i's tests were made.
    public func isTested(_ i: Int) -> Bool { untested[i] == nil }

    /// The number of cells whose tests could not be made.
    public var untestedCount: Int { untested.filter { $0 != nil }.count }

    /// Whether the exact law is rejected (KS or chi-square) in some cell: the command's failure.
    public var exactLawRejected: Bool { zip(exactRejected, chiSquareRejected).contains { $0 || $1 } }

    /// A verdict in words for cell i: untested, fail or pass.
    public func verdictText(_ rejected: [Bool], _ i: Int) -> String {
        isTested(i) ? (rejected[i] ? "fail" : "pass") : "untested"
    }
}
