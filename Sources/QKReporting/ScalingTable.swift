import QKSupport
import QKVerdicts
/// The scaling table: for each coordinate model of raw vectors, the fitted exponent of Var(T) in d with its interval.
public enum ScalingTable {
    /// The CSV columns, in order.
    public static let header = ["mu", "sigma", "dims", "slope", "slope_se", "slope_lo", "slope_hi", "slope_z", "slope_p",
                                "intercept", "intercept_se", "intercept_theory", "fit_chi2", "fit_df", "fit_p", "verdict", "model"]

    /// The columns `--format text` shows.
    public static let textColumns = ["mu", "sigma", "dims", "slope", "slope_se", "slope_lo", "slope_hi", "slope_p", "verdict", "model"]

    /// The table of a scaling verdict: a row per fit.
    public static func table(_ verdict: ScalingVerdict) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        for entry in verdict.entries {
            let fit = entry.fit
            table.append([fit.model.mu.map(f) ?? "", fit.model.sigma.map(f) ?? "", String(fit.dims.count), f(fit.slope), f(fit.slopeSE),
                          f(fit.slopeInterval.lowerBound), f(fit.slopeInterval.upperBound), f(fit.slopeZ), f(fit.slopeP),
                          f(fit.intercept), f(fit.interceptSE), fit.interceptTheory.isNaN ? "" : f(fit.interceptTheory), f(fit.chiSquared),
                          String(fit.degreesOfFreedom), fit.degreesOfFreedom > 0 ? f(fit.fitP) : "",
                          entry.isRejected ? "fail" : "pass", fit.model.label])
        }
        return table
    }
}
