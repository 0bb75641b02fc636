import CGSL

/// GSL's special functions and distributions, wrapped so the rest of qkverify never sees C.
public enum SpecialFunctions {
    /// The upper tail of the standard normal, `P(Z > x)` (`gsl_cdf_ugaussian_Q`), accurate far out.
    public static func normalUpperTail(_ x: Double) -> Double { gsl_cdf_ugaussian_Q(x) }

    /// The standard normal CDF `P(Z <= x)` (`gsl_cdf_ugaussian_P`).
    public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// The standard normal quantile: the x with `P(Z <= x) = p` (`gsl_cdf_ugaussian_Pinv`).
    public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

    /// The upper quantile: the x with `P(Z > x) = q` (`gsl_cdf_ugaussian_Qinv`), accurate for tiny q.
    public static func normalUpperQuantile(_ q: Double) -> Double { gsl_cdf_ugaussian_Qinv(q) }

    /// The two-sided p-value of a standard normal statistic, `2 P(Z > |z|)`; 0 for a NaN z.
    public static func twoSidedP(_ z: Double) -> Double {
        z.isNaN ? 0 : min(1, 2 * gsl_cdf_ugaussian_Q(abs(z)))
    }
}
