/// The moments table: one row per cell, estimates beside closed forms (see the README for columns).
public enum MomentsTable {
    /// The columns, in order.
    public static let header = [
        "d", "mu", "sigma", "samples", "seed", "rng",
        "mean_theory", "mean_est", "mean_se", "mean_se_theory", "mean_z",
        "var_theory", "var_est", "var_se", "var_se_theory", "var_z",
        "scaled_var_theory", "scaled_var_est",
        "mean_p", "var_p",
        "skew_theory", "skew_est", "skew_se", "skew_se_theory", "skew_z", "skew_p",
        "kurt_theory", "kurt_est", "kurt_se", "kurt_se_theory", "kurt_z", "kurt_p",
        "mean_mdd", "var_mdd", "verdict", "rejected", "untested",
    ]

    /// The table for a run's verdicts.
    public static func table(_ verdict: MomentsVerdict, design: MomentsDesign) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        for (c, r) in verdict.comparisons.enumerated() {
            let failed = verdict.rejectedTests(cell: c)
            // A test not made has no p-value: its normal approximation does not hold at this n.
            let p = { (t: Int, z: Double) in verdict.tested[c][t] ? f(SpecialFunctions.twoSidedP(z)) : "" }
            table.append([
                String(r.cell.d), f(r.cell.mu), f(r.cell.sigma), String(r.samples), String(design.seed),
                design.generator.name,
                f(r.meanTheory), f(r.meanEstimate), f(r.meanSE), f(r.meanSETheory), f(r.meanZ),
                f(r.varianceTheory), f(r.varianceEstimate), f(r.varianceSE), f(r.varianceSETheory), f(r.varianceZ),
                f(r.scaledVarianceTheory), f(r.scaledVarianceEstimate),
                p(0, r.meanZ), p(1, r.varianceZ),
                f(r.skewnessTheory.value), f(r.skewnessEstimate.value), f(r.skewnessEstimate.standardError),
                f(r.skewnessTheory.standardError), f(r.skewnessZ), p(2, r.skewnessZ),
                f(r.kurtosisTheory.value), f(r.kurtosisEstimate.value), f(r.kurtosisEstimate.standardError),
                f(r.kurtosisTheory.standardError), f(r.kurtosisZ), p(3, r.kurtosisZ),
                f(verdict.meanMinimumDetectable(cell: c)), f(verdict.varianceMinimumDetectable(cell: c)),
                failed.isEmpty ? "pass" : "fail", failed.joined(separator: ";"),
                verdict.untestedTests(cell: c).joined(separator: ";"),
            ])
        }
        return table
    }
}
