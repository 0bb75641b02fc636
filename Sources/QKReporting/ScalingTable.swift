import QKVerdicts

/// The scaling table: for each coordinate model of raw vectors, the fitted exponent of Var(T) in d with its interval.
package enum ScalingTable {
    /// Every column, in order.
    package static let columns: [Column<ScalingVerdict.Entry>] = [
        Column("mu", "shared mean (empty where q and k differ)") { e in e.model.mu.map { .number($0) } ?? .empty },
        Column("sigma", "shared spread (empty where q and k differ)") { e in e.model.sigma.map { .number($0) } ?? .empty },
        Column("dims", "dimensions fitted (0 where untested)") { .integer($0.fit?.dims.count ?? 0) },
        Column("slope", "fitted exponent of Var(T) in d") { number($0.fit?.slope) },
        Column("slope_se", "its standard error") { number($0.fit?.slopeSE) },
        Column("slope_lo", "lower end of its 95% interval") { number($0.fit?.slopeInterval.lowerBound) },
        Column("slope_hi", "upper end of its 95% interval") { number($0.fit?.slopeInterval.upperBound) },
        Column("slope_z", "(slope - 1) / slope_se") { number($0.fit?.slopeZ) },
        Column("slope_p", "two-sided p-value of slope_z") { number($0.fit?.slopeP) },
        Column("intercept", "fitted log Var(T) at d = 1") { number($0.fit?.intercept) },
        Column("intercept_se", "its standard error") { number($0.fit?.interceptSE) },
        Column("intercept_theory", "the closed form's log Var(T) at d = 1") { $0.fit.map { .known($0.interceptTheory) } ?? .empty },
        Column("fit_chi2", "chi-square of the fit") { number($0.fit?.chiSquared) },
        Column("fit_df", "its degrees of freedom") { $0.fit.map { .integer($0.degreesOfFreedom) } ?? .empty },
        Column("fit_p", "its p-value (empty without degrees of freedom)") { e in e.fit.flatMap { $0.degreesOfFreedom > 0 ? .number($0.fitP) : nil } ?? .empty },
        Column("verdict", "fail where slope 1 is rejected; untested where fewer than two dimensions have a variance double precision can estimate") { .text($0.verdictText) },
        Column("model", "the coordinate model") { .text($0.model.label) },
    ]

    /// A fitted number, empty where the model is untested.
    private static func number(_ value: Double?) -> TableValue { value.map { .number($0) } ?? .empty }

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The columns `--format text` shows.
    package static let textColumns = ["mu", "sigma", "dims", "slope", "slope_se", "slope_lo", "slope_hi", "slope_p", "verdict", "model"]

    /// The table of a scaling verdict: a row per fit.
    package static func table(_ verdict: ScalingVerdict) -> Table { verdict.entries.table(columns) }
}
