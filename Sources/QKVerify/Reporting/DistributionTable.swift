import Foundation

/// The distribution table: KS distances from the exact law and from the normal, with verdicts.
public enum DistributionTable {
    /// The columns.
    public static let header = ["d", "sigma", "samples", "excess_kurtosis", "ks_exact", "ks_exact_p", "exact_verdict",
                                "ks_normal", "ks_normal_p", "normal_verdict", "chi2_exact", "chi2_df", "chi2_p", "chi2_verdict"]

    /// The table; each family (exact, normal, chi-square against the exact law) is Holm-corrected
    /// over its cells at alpha.
    public static func table(_ results: [DistributionResult], alpha: Double) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        let verdict = DistributionVerdict(results, alpha: alpha)
        let (exactRejected, chiRejected, normalRejected) = (verdict.exactRejected, verdict.chiSquareRejected, verdict.normalRejected)
        for (i, r) in results.enumerated() {
            table.append([String(r.cell.d), f(r.cell.sigma), String(r.samples), f(6 / Double(r.cell.d)),
                          f(r.exact.distance), f(r.exact.p), exactRejected[i] ? "fail" : "pass",
                          f(r.normal.distance), f(r.normal.p), normalRejected[i] ? "fail" : "pass",
                          f(r.chiSquare.statistic), String(r.chiSquare.degreesOfFreedom), f(r.chiSquare.p), chiRejected[i] ? "fail" : "pass"])
        }
        return table
    }
}
