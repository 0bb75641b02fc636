import QKExperiments
/// The distribution tests judged: each test (KS against the exact law, chi-square against it, KS
/// against the normal) is its own family, Holm-corrected over its cells at alpha. Every table and
/// sentence about the distribution reads its verdicts from here.
public struct DistributionVerdict: Sendable {
    /// The cells' test results.
    public let results: [DistributionResult]
    /// Whether each cell's KS test against the exact law is rejected.
    public let exactRejected: [Bool]
    /// Whether each cell's chi-square test against the exact law is rejected.
    public let chiSquareRejected: [Bool]
    /// Whether each cell's KS test against N(0, 1) is rejected.
    public let normalRejected: [Bool]

    /// Judges the results at family-wise alpha per test.
    public init(_ results: [DistributionResult], alpha: Double) {
        self.results = results
        exactRejected = HolmBonferroni.rejections(results.map(\.exact.p), alpha: alpha)
        chiSquareRejected = HolmBonferroni.rejections(results.map(\.chiSquare.p), alpha: alpha)
        normalRejected = HolmBonferroni.rejections(results.map(\.normal.p), alpha: alpha)
    }
}
