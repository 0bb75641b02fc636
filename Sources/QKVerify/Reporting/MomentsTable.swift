/// The moments table: one row per cell, estimates beside closed forms (see the README for columns).
public enum MomentsTable {
    /// The columns, in order.
    public static let header = [
        "d", "mu", "sigma", "samples", "seed", "rng",
        "mean_theory", "mean_est", "mean_se", "mean_se_theory", "mean_z",
        "var_theory", "var_est", "var_se", "var_se_theory", "var_z",
        "scaled_var_theory", "scaled_var_est",
    ]

    /// The table for a run's comparisons.
    public static func table(_ rows: [MomentComparison], design: MomentsDesign) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        for r in rows {
            table.append([
                String(r.cell.d), f(r.cell.mu), f(r.cell.sigma), String(r.samples), String(design.seed),
                design.generator.name,
                f(r.meanTheory), f(r.meanEstimate), f(r.meanSE), f(r.meanSETheory), f(r.meanZ),
                f(r.varianceTheory), f(r.varianceEstimate), f(r.varianceSE), f(r.varianceSETheory), f(r.varianceZ),
                f(r.scaledVarianceTheory), f(r.scaledVarianceEstimate),
            ])
        }
        return table
    }
}
