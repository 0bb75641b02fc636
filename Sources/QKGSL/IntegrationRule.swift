import CGSL

/// The Gauss-Kronrod pair QAG applies to each subinterval (GSL's `key`).
///
/// Higher orders suit smooth integrands (fewer subdivisions); lower ones suit integrands with local
/// features, where a high-order rule wastes points on each bisection.
package enum IntegrationRule: Int32, Sendable, CaseIterable {
    /// 7-point Gauss, 15-point Kronrod (`GSL_INTEG_GAUSS15`).
    case gaussKronrod15 = 1
    /// 10-point Gauss, 21-point Kronrod (`GSL_INTEG_GAUSS21`).
    case gaussKronrod21 = 2
    /// 15-point Gauss, 31-point Kronrod (`GSL_INTEG_GAUSS31`).
    case gaussKronrod31 = 3
    /// 20-point Gauss, 41-point Kronrod (`GSL_INTEG_GAUSS41`).
    case gaussKronrod41 = 4
    /// 25-point Gauss, 51-point Kronrod (`GSL_INTEG_GAUSS51`).
    case gaussKronrod51 = 5
    /// 30-point Gauss, 61-point Kronrod (`GSL_INTEG_GAUSS61`).
    case gaussKronrod61 = 6

    /// The integrand evaluations per subinterval.
    var points: Int { [15, 21, 31, 41, 51, 61][Int(rawValue) - 1] }
}
