import QKSupport
import QKGSL
import QKTheory
import QKExperiments
import QKVerdicts
import QKSuite

/// The moments table: one row per cell, each statistic's estimate beside its closed form.
///
/// The columns are built from ``MomentStatistic/all``: for each statistic `s` (mean, var, skew,
/// kurt), `s_theory`, `s_est`, `s_se`, `s_se_theory`, `s_z` and `s_p`. Theory columns (and the z and
/// p that need them) are empty where the cell has no closed form; p is empty where the test is not
/// made; `mu` and `sigma` are empty where q and k do not share them.
public enum MomentsTable {
    /// One row: cell c of a run's verdict.
    public struct Row: Sendable {
        /// The run's verdicts.
        public let verdict: MomentsVerdict
        /// The run's design.
        public let design: MomentsDesign
        /// The cell's index in the run.
        public let cell: Int
        /// The cell's comparison with the closed forms.
        public var comparison: MomentComparison { verdict.comparisons[cell] }
    }

    /// What identifies a cell and its run.
    static let cellColumns: [Column<Row>] = [
        Column("d", "dimension of q and k", latex: "$d$") { .integer($0.comparison.cell.d) },
        Column("mu", "shared mean of the coordinates (empty where q and k differ)", latex: "$\\mu$") { r in r.comparison.cell.model.mu.map { .number($0) } ?? .empty },
        Column("sigma", "shared spread of the coordinates (empty where q and k differ)", latex: "$\\sigma$") { r in r.comparison.cell.model.sigma.map { .number($0) } ?? .empty },
        Column("law", "coordinate law", latex: "law") { .text($0.comparison.cell.model.law.description) },
        Column("mu_q", "mean of q's coordinates") { .number($0.comparison.cell.model.muQ) },
        Column("mu_k", "mean of k's coordinates") { .number($0.comparison.cell.model.muK) },
        Column("sigma_q", "spread of q's coordinates") { .number($0.comparison.cell.model.sigmaQ) },
        Column("sigma_k", "spread of k's coordinates") { .number($0.comparison.cell.model.sigmaK) },
        Column("rho", "correlation of paired coordinates", latex: "$\\rho$") { .number($0.comparison.cell.model.rho) },
        Column("norm", "normalization of q and k", latex: "norm") { .text($0.comparison.cell.model.norm.rawValue) },
        Column("samples", "samples of T drawn") { .integer($0.comparison.samples) },
        Column("seed", "the run's seed") { .unsigned($0.design.seed) },
        Column("rng", "GSL generator") { .text($0.design.generator.name) },
    ]

    /// A statistic's columns: closed form, estimate, their errors, z and p.
    static func columns(_ s: MomentStatistic) -> [Column<Row>] {
        [Column("\(s.key)_theory", "\(s.symbol) by the closed form", latex: "$\(s.latex)$") { .known($0.comparison[s].theory.value) },
         Column("\(s.key)_est", "\(s.symbol) estimated from the samples", latex: "estimate") { .number($0.comparison[s].estimate.value) },
         Column("\(s.key)_se", "the estimate's standard error, estimated", latex: "SE") { .number($0.comparison[s].estimate.standardError) },
         Column("\(s.key)_se_theory", "the estimator's exact standard error under the closed form", latex: "exact SE") { .known($0.comparison[s].theory.standardError) },
         Column("\(s.key)_z", "(estimate - closed form) / standard error", latex: "$z$") { .known($0.comparison[s].z) },
         Column("\(s.key)_p", "two-sided p-value of z (empty where the test is not made)", latex: "$p$") { r in
             r.verdict.isTested(s, cell: r.cell) ? .number(r.comparison[s].p) : .empty }]
    }

    /// The columns after the statistics': the sqrt(d) argument's, power, the verdict.
    static let verdictColumns: [Column<Row>] = [
        Column("var_rel_error", "estimated variance / closed form - 1", latex: "rel.\\ error") { r in
            .known(r.comparison[.variance].estimate.value / r.comparison[.variance].theory.value - 1) },
        Column("scaled_var_theory", "Var(T / sqrt(d)) by the closed form") { .known($0.comparison.scaledVarianceTheory) },
        Column("scaled_var_est", "Var(T / sqrt(d)) estimated") { .number($0.comparison.scaledVarianceEstimate) },
        Column("mean_mdd", "smallest absolute error in E[T] detected with 90% power") { .number($0.verdict.meanMinimumDetectable(cell: $0.cell)) },
        Column("var_mdd", "smallest relative error in Var(T) detected with 90% power") { .number($0.verdict.varianceMinimumDetectable(cell: $0.cell)) },
        Column("verdict", "fail if a test is rejected, untested if none is made, else pass", latex: "verdict") { r in
            .text(!r.verdict.rejectedTests(cell: r.cell).isEmpty ? "fail"
                  : r.verdict.untestedTests(cell: r.cell).count == MomentStatistic.all.count ? "untested" : "pass") },
        Column("rejected", "statistics whose test is rejected") { .text($0.verdict.rejectedTests(cell: $0.cell).map(\.key).joined(separator: ";")) },
        Column("untested", "statistics whose test is not made", latex: "untested") { .text($0.verdict.untestedTests(cell: $0.cell).map(\.key).joined(separator: ";")) },
    ]

    /// Every column, in order.
    public static let columns: [Column<Row>] = cellColumns + MomentStatistic.all.flatMap(columns) + verdictColumns

    /// The column names, in order.
    public static var header: [String] { columns.map(\.name) }

    /// The columns `--format text` shows: the variance test, which the argument is about.
    public static let textColumns = ["d", "mu", "sigma", "law", "rho", "norm", "var_theory", "var_est", "var_se",
                                     "var_rel_error", "var_z", "verdict", "untested"]

    /// The rows of a run's verdicts.
    public static func rows(_ verdict: MomentsVerdict, design: MomentsDesign) -> [Row] {
        verdict.comparisons.indices.map { Row(verdict: verdict, design: design, cell: $0) }
    }

    /// The table for a run's verdicts.
    public static func table(_ verdict: MomentsVerdict, design: MomentsDesign) -> Table {
        var table = rows(verdict, design: design).table(columns)
        table.caption = "The variance of $T = q^\\top k$ in each cell: closed form, estimate with its standard error, relative "
            + "error and $z$; a cell fails when a test of its mean, variance, skewness or excess kurtosis is rejected after "
            + "Holm's correction at family-wise $\\alpha = \(NumberText.format(verdict.alpha))$ (\(design.samples) samples per cell)."
        table.label = "tab:moments"
        return table
    }

    /// One table of several runs' verdicts (the models tour), their rows in run order.
    package static func table(_ outcomes: [ModelsSuite.Outcome]) -> Table {
        outcomes.flatMap { rows($0.verdict, design: $0.design) }.table(columns)
    }
}
