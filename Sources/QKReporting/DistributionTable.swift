import Foundation
import QKSupport
import QKVerdicts

/// The distribution table: KS distances from the exact law and from the normal, with verdicts.
public enum DistributionTable {
    /// The CSV columns, in order.
    public static let header = ["d", "sigma", "samples", "excess_kurtosis", "ks_exact", "ks_exact_p", "exact_verdict",
                                "ks_normal", "ks_normal_p", "normal_verdict", "chi2_exact", "chi2_df", "chi2_p", "chi2_verdict"]

    /// The table of the judged tests: a row per cell.
    public static func table(_ verdict: DistributionVerdict) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        let results = verdict.results
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
