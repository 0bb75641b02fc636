/// The scaling table: for each coordinate model of raw vectors, the fitted exponent of Var(T) in d with its interval.
public enum ScalingTable {
    /// The columns.
    public static let header = ["mu", "sigma", "dims", "slope", "slope_se", "slope_lo", "slope_hi", "slope_z", "slope_p",
                                "intercept", "intercept_se", "intercept_theory", "fit_chi2", "fit_df", "fit_p", "verdict", "model"]

    /// The columns `--format text` shows.
    public static let textColumns = ["mu", "sigma", "dims", "slope", "slope_se", "slope_lo", "slope_hi", "slope_p", "verdict", "model"]

    /// The table for judged fits.
    public static func table(_ fits: [(fit: ScalingFit, rejected: Bool)]) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        for (fit, rejected) in fits {
            table.append([f(fit.mu), f(fit.sigma), String(fit.dims.count), f(fit.slope), f(fit.slopeSE),
                          f(fit.slopeInterval.lowerBound), f(fit.slopeInterval.upperBound), f(fit.slopeZ), f(fit.slopeP),
                          f(fit.intercept), f(fit.interceptSE), fit.interceptTheory.isNaN ? "" : f(fit.interceptTheory), f(fit.chiSquared),
                          String(fit.degreesOfFreedom), fit.degreesOfFreedom > 0 ? f(fit.fitP) : "",
                          rejected ? "fail" : "pass", fit.model.label])
        }
        return table
    }
}
