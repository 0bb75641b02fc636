import QKSupport
import QKGSL
import QKExperiments
import QKVerdicts
import QKSuite
/// The moments table: one row per cell, estimates beside closed forms (see the README for columns).
public enum MomentsTable {
    /// The columns, in order.
    public static let header = [
        "d", "mu", "sigma", "law", "mu_q", "mu_k", "sigma_q", "sigma_k", "rho", "norm", "samples", "seed", "rng",
        "mean_theory", "mean_est", "mean_se", "mean_se_theory", "mean_z",
        "var_theory", "var_est", "var_se", "var_se_theory", "var_z", "var_rel_error",
        "scaled_var_theory", "scaled_var_est",
        "mean_p", "var_p",
        "skew_theory", "skew_est", "skew_se", "skew_se_theory", "skew_z", "skew_p",
        "kurt_theory", "kurt_est", "kurt_se", "kurt_se_theory", "kurt_z", "kurt_p",
        "mean_mdd", "var_mdd", "verdict", "rejected", "untested",
    ]

    /// The columns `--format text` shows: the variance test, which the argument is about.
    public static let textColumns = ["d", "mu", "sigma", "law", "rho", "norm", "var_theory", "var_est", "var_se",
                                     "var_rel_error", "var_z", "verdict", "untested"]

    /// The table for a run's verdicts. Theory columns (and the z and p that need them) are empty where
    /// the cell has no closed form; `mu` and `sigma` are empty where q and k do not share them.
    public static func table(_ verdict: MomentsVerdict, design: MomentsDesign) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        // A value the theory does not give is left empty, never printed as nan.
        let t = { (x: Double) in x.isNaN ? "" : NumberText.format(x) }
        for (c, r) in verdict.comparisons.enumerated() {
            let failed = verdict.rejectedTests(cell: c)
            let untested = verdict.untestedTests(cell: c)
            let m = r.cell.model
            // A test not made has no p-value: its normal approximation does not hold at this n.
            let p = { (t: MomentTest, z: Double) in verdict.isTested(t, cell: c) ? f(SpecialFunctions.twoSidedP(z)) : "" }
            table.append([
                String(r.cell.d), m.mu.map(f) ?? "", m.sigma.map(f) ?? "", m.law.description,
                f(m.muQ), f(m.muK), f(m.sigmaQ), f(m.sigmaK), f(m.rho), m.norm.rawValue,
                String(r.samples), String(design.seed), design.generator.name,
                t(r.meanTheory), f(r.meanEstimate), f(r.meanSE), t(r.meanSETheory), t(r.meanZ),
                t(r.varianceTheory), f(r.varianceEstimate), f(r.varianceSE), t(r.varianceSETheory), t(r.varianceZ),
                t(r.varianceEstimate / r.varianceTheory - 1),
                t(r.scaledVarianceTheory), f(r.scaledVarianceEstimate),
                p(.mean, r.meanZ), p(.variance, r.varianceZ),
                t(r.skewnessTheory.value), f(r.skewnessEstimate.value), f(r.skewnessEstimate.standardError),
                t(r.skewnessTheory.standardError), t(r.skewnessZ), p(.skewness, r.skewnessZ),
                t(r.kurtosisTheory.value), f(r.kurtosisEstimate.value), f(r.kurtosisEstimate.standardError),
                t(r.kurtosisTheory.standardError), t(r.kurtosisZ), p(.kurtosis, r.kurtosisZ),
                f(verdict.meanMinimumDetectable(cell: c)), f(verdict.varianceMinimumDetectable(cell: c)),
                !failed.isEmpty ? "fail" : untested.count == MomentTest.allCases.count ? "untested" : "pass",
                failed.map(\.rawValue).joined(separator: ";"), untested.map(\.rawValue).joined(separator: ";"),
            ])
        }
        return table
    }

    /// One table of several runs' verdicts (the models tour), their rows in run order.
    public static func table(_ outcomes: [ModelsSuite.Outcome]) -> CSVTable {
        var table = CSVTable(header: header)
        for outcome in outcomes {
            for row in MomentsTable.table(outcome.verdict, design: outcome.design).rows { table.append(row) }
        }
        return table
    }
}
