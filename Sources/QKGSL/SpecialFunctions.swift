import CGSL

/// GSL's special functions and distributions, wrapped so the rest of qkverify never sees C.
package enum SpecialFunctions {
    /// The standard normal CDF `P(Z <= x)` (`gsl_cdf_ugaussian_P`).
    package static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// The standard normal quantile: the x with `P(Z <= x) = p` (`gsl_cdf_ugaussian_Pinv`).
    package static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

    /// The upper quantile: the x with `P(Z > x) = q` (`gsl_cdf_ugaussian_Qinv`), accurate for tiny q.
    package static func normalUpperQuantile(_ q: Double) -> Double { gsl_cdf_ugaussian_Qinv(q) }

    /// The two-sided p-value of a standard normal statistic, `2 P(Z > |z|)`; 0 for a NaN z.
    package static func twoSidedP(_ z: Double) -> Double {
        z.isNaN ? 0 : min(1, 2 * gsl_cdf_ugaussian_Q(abs(z)))
    }

    /// The upper tail of the chi-squared distribution with `df` degrees of freedom (`gsl_cdf_chisq_Q`).
    package static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
        gsl_cdf_chisq_Q(x, df)
    }

    /// `log K_nu(x)`, the log of the modified Bessel function of the second kind, for x > 0
    /// (`gsl_sf_bessel_lnKnu`): finite where K_nu itself would overflow or underflow.
    package static func logBesselK(nu: Double, _ x: Double) -> Double {
        var result = gsl_sf_result()
        return gsl_sf_bessel_lnKnu_e(nu, x, &result) == GSL_SUCCESS ? result.val : .nan
    }

    /// `K_0(x)` for x > 0 (`gsl_sf_bessel_K0`).
    static func besselK0(_ x: Double) -> Double { gsl_sf_bessel_K0(x) }

    /// `log Gamma(x)` for x > 0 (`gsl_sf_lngamma`).
    package static func logGamma(_ x: Double) -> Double { gsl_sf_lngamma(x) }

    /// The integral of `f` over [a, b] by GSL's adaptive QAGS rule (21-point Gauss-Kronrod with
    /// extrapolation), which copes with integrable singularities at the ends.
    ///
    /// - Returns: the integral, or NaN when QAGS cannot reach the requested accuracy.
    package static func integrate(_ a: Double, _ b: Double, absoluteError: Double = 1e-13, relativeError: Double = 1e-10,
                                 _ f: (Double) -> Double) -> Double {
        guard let workspace = gsl_integration_workspace_alloc(200) else { return .nan }
        defer { gsl_integration_workspace_free(workspace) }
        return withoutActuallyEscaping(f) { f in
            var box = f
            return withUnsafeMutablePointer(to: &box) { pointer in
                var function = gsl_function(function: { x, params in
                    params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                }, params: UnsafeMutableRawPointer(pointer))
                var result = 0.0, error = 0.0
                let status = gsl_integration_qags(&function, a, b, absoluteError, relativeError, 200, workspace, &result, &error)
                return status == GSL_SUCCESS ? result : .nan
            }
        }
    }
}
